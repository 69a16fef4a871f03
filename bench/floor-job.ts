/**
 * The floor, run as a child process by the corpus benchmark: read the dump,
 * `JSON.parse` every line, lower-case the text and hash every word (FNV-1a,
 * 32 bit) — the least any scanner of the dump must do. Prints one JSON line
 * `{ articles, bytes, words, checksum }` (the checksum keeps the hashing from
 * being optimised away).
 *
 * `node dist-bench/bench/floor-job.js FILE [TEXT_FIELD ...]`
 */
import { statSync } from 'node:fs';
import { forEachLine, recordText } from './line-reader';

function runFloor(file: string, fields: readonly string[]): void {
  let articles = 0;
  let words = 0;
  let checksum = 0;
  forEachLine(file, (line) => {
    const text = recordText(JSON.parse(line), fields).toLowerCase();
    articles++;
    let hash = 0x811c9dc5;
    let inWord = false;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // Letters and digits (ASCII, and anything beyond: accented letters, CJK).
      const isWordChar = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c > 127;
      if (isWordChar) {
        if (!inWord) {
          hash = 0x811c9dc5;
          inWord = true;
        }
        hash = Math.imul(hash ^ c, 0x01000193);
      } else if (inWord) {
        checksum = (checksum + (hash >>> 0)) | 0;
        words++;
        inWord = false;
      }
    }
    if (inWord) {
      checksum = (checksum + (hash >>> 0)) | 0;
      words++;
    }
  });
  process.stdout.write(`${JSON.stringify({ articles, bytes: statSync(file).size, words, checksum: checksum >>> 0 })}\n`);
}

const [file, ...fields] = process.argv.slice(2);
if (file === undefined) {
  process.stderr.write('usage: floor-job FILE [TEXT_FIELD ...]\n');
  process.exitCode = 2;
} else {
  runFloor(file, fields.length > 0 ? fields : ['text', 'body', 'content']);
}

import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../app-error.ts';
import { uuidv7 } from '../ids.ts';

export type ImportFormat = 'csv' | 'xlsx';

export type StoredUpload = { path: string; hash: string; size: number; format: ImportFormat };

/** API-2: an .xlsx may unpack to at most this many bytes (zip bombs). */
export const MAX_XLSX_UNCOMPRESSED_BYTES = 1024 * 1024 * 1024;

const ZIP_LOCAL_HEADER = 0x04034b50;
const ZIP_END_OF_DIRECTORY = 0x06054b50;
const ZIP_DIRECTORY_ENTRY = 0x02014b50;

const invalid = (detail: string) => new AppError('IMPORT_FILE_INVALID', { detail });

/**
 * Streams an upload into `dir` while hashing it (SHA-256), then checks its type by content
 * (API-2): a zip holding `xl/workbook.xml` within the unpacked-size cap is .xlsx; otherwise it must
 * be text (no NUL bytes) and is read as CSV. The file's name is never trusted for its type.
 */
export async function storeUpload(dir: string, source: Readable): Promise<StoredUpload> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, `upload-${uuidv7()}.part`);
  const hash = createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      size += chunk.length;
      callback(null, chunk);
    },
  });
  try {
    await pipeline(source, tap, createWriteStream(path, { mode: 0o600 }));
    const format = await sniffFormat(path, size);
    return { path, hash: hash.digest('hex'), size, format };
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
}

/** Moves a stored upload to its job's own file name (`<jobId>.<format>`). */
export async function placeUpload(dir: string, upload: StoredUpload, jobId: string): Promise<string> {
  const target = importFilePath(dir, jobId, upload.format);
  await rename(upload.path, target);
  return target;
}

export const importFilePath = (dir: string, jobId: string, format: ImportFormat): string =>
  join(dir, `${jobId}.${format}`);

/** Uploaded files hold personal data in clear: removed as soon as their job no longer needs them. */
export async function removeImportFile(dir: string, jobId: string): Promise<void> {
  await Promise.all(
    (['csv', 'xlsx'] as const).map((format) => rm(importFilePath(dir, jobId, format), { force: true })),
  );
}

export async function fileSize(path: string): Promise<number> {
  return (await stat(path)).size;
}

async function sniffFormat(path: string, size: number): Promise<ImportFormat> {
  if (size === 0) throw invalid('文件为空');
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(Math.min(size, 64 * 1024));
    await handle.read(head, 0, head.length, 0);
    if (head.length >= 4 && head.readUInt32LE(0) === ZIP_LOCAL_HEADER) {
      const tailLength = Math.min(size, 65_557);
      const tail = Buffer.alloc(tailLength);
      await handle.read(tail, 0, tailLength, size - tailLength);
      await checkXlsxDirectory(handle, tail, size);
      return 'xlsx';
    }
    if (head.includes(0)) throw invalid('不是 .xlsx 或 .csv 文件');
    return 'csv';
  } finally {
    await handle.close();
  }
}

/** Reads the zip's central directory: sums the unpacked sizes and looks for the workbook part. */
async function checkXlsxDirectory(handle: Awaited<ReturnType<typeof open>>, tail: Buffer, size: number): Promise<void> {
  const end = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || tail.readUInt32LE(end) !== ZIP_END_OF_DIRECTORY) throw invalid('压缩包已损坏');
  const entries = tail.readUInt16LE(end + 10);
  const directorySize = tail.readUInt32LE(end + 12);
  const directoryOffset = tail.readUInt32LE(end + 16);
  if (directoryOffset === 0xffffffff || directoryOffset + directorySize > size) throw invalid('压缩包过大或已损坏');
  const directory = Buffer.alloc(directorySize);
  await handle.read(directory, 0, directorySize, directoryOffset);
  let offset = 0;
  let unpacked = 0;
  let hasWorkbook = false;
  for (let index = 0; index < entries; index += 1) {
    if (offset + 46 > directory.length || directory.readUInt32LE(offset) !== ZIP_DIRECTORY_ENTRY)
      throw invalid('压缩包目录已损坏');
    const entrySize = directory.readUInt32LE(offset + 24);
    const nameLength = directory.readUInt16LE(offset + 28);
    const name = directory.toString('utf8', offset + 46, offset + 46 + nameLength);
    if (entrySize === 0xffffffff) throw invalid('工作簿解压后过大');
    unpacked += entrySize;
    hasWorkbook ||= name === 'xl/workbook.xml';
    offset += 46 + nameLength + directory.readUInt16LE(offset + 30) + directory.readUInt16LE(offset + 32);
  }
  if (!hasWorkbook) throw invalid('压缩包不是 Excel 工作簿');
  if (unpacked > MAX_XLSX_UNCOMPRESSED_BYTES) throw invalid('工作簿解压后超过 1 GiB');
}

/** Without a configured directory (tests), uploads wait in a per-process temp directory. */
export const defaultImportsDir = (): string => join(tmpdir(), `kangyang-imports-${process.pid}`);

// Which AES the SQLite module runs: the hardware instructions (AES-NI on x86-64, the ARMv8 crypto
// extension on arm64) or SQLite3 Multiple Ciphers' portable table-driven code.
//
// SQLite3 Multiple Ciphers (the amalgamation in better-sqlite3-multiple-ciphers/deps/sqlite3)
// compiles its hardware path into aesEncryptCBC/aesDecryptCBC with per-function target attributes,
// so no global -maes flag is needed (and none is wanted: it would let the compiler use AES and
// SSE4 instructions anywhere, crashing on a CPU without them). At run time aesHardwareAvailable()
// asks the CPU (cpuid: AES and SSE4.1) once and caches the answer in a static `hwAvailable`; every
// page key setup, encryption and decryption then takes the path that answer picks.
//
// So there are two questions, and this file answers both from the outside, on Linux:
//  - inspectBinary(file): is the hardware path in this binary? (ELF symbols and the instructions
//    in those two functions; used by the install scripts for both the Node and the Electron build)
//  - runtimeAesPath(): which path did the library pick in this very process? (its cached answer,
//    read from our own memory through /proc/self/mem at the address the symbol table gives)
// setRuntimeAesPath() writes that cached answer: tests use it as a control, to prove the probe sees
// the difference, and the vault benchmark to measure what the hardware path is worth.
import { closeSync, existsSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';

export const NATIVE_MODULE_FILE = 'better_sqlite3.node';

const HARDWARE_FUNCTIONS = ['aesEncryptCBC', 'aesDecryptCBC'];
const DECISION = /(^|\.)hwAvailable(\.\d+)?$/;

/** Sections and symbols of an ELF64 little-endian file (enough for a .so built by GCC or Clang). */
function readElf(file) {
  const bytes = readFileSync(file);
  if (bytes.length < 64 || bytes.readUInt32BE(0) !== 0x7f454c46) return null;
  if (bytes[4] !== 2 || bytes[5] !== 1) return null; // ELFCLASS64, little-endian
  const machine = bytes.readUInt16LE(18);
  const programOffset = Number(bytes.readBigUInt64LE(32));
  const programSize = bytes.readUInt16LE(54);
  const programCount = bytes.readUInt16LE(56);
  const sectionOffset = Number(bytes.readBigUInt64LE(40));
  const sectionSize = bytes.readUInt16LE(58);
  const sectionCount = bytes.readUInt16LE(60);
  let loadBias = Number.POSITIVE_INFINITY;
  for (let i = 0; i < programCount; i += 1) {
    const at = programOffset + i * programSize;
    if (bytes.readUInt32LE(at) === 1) loadBias = Math.min(loadBias, Number(bytes.readBigUInt64LE(at + 16))); // PT_LOAD p_vaddr
  }
  const sections = [];
  for (let i = 0; i < sectionCount; i += 1) {
    const at = sectionOffset + i * sectionSize;
    sections.push({
      type: bytes.readUInt32LE(at + 4),
      address: Number(bytes.readBigUInt64LE(at + 16)),
      offset: Number(bytes.readBigUInt64LE(at + 24)),
      size: Number(bytes.readBigUInt64LE(at + 32)),
      link: bytes.readUInt32LE(at + 40),
      entrySize: Number(bytes.readBigUInt64LE(at + 56)),
    });
  }
  const symbols = new Map();
  for (const section of sections) {
    if (section.type !== 2 || section.entrySize === 0) continue; // SHT_SYMTAB: stripped binaries have none
    const strings = sections[section.link];
    if (!strings) continue;
    for (let at = section.offset; at + section.entrySize <= section.offset + section.size; at += section.entrySize) {
      const nameStart = strings.offset + bytes.readUInt32LE(at);
      const nameEnd = bytes.indexOf(0, nameStart);
      const name = bytes.toString('latin1', nameStart, nameEnd);
      if (name) symbols.set(name, { value: Number(bytes.readBigUInt64LE(at + 8)), size: Number(bytes.readBigUInt64LE(at + 16)) });
    }
  }
  const fileBytesAt = (address, size) => {
    const section = sections.find((s) => s.type !== 8 && address >= s.address && address + size <= s.address + s.size); // not NOBITS
    return section ? bytes.subarray(section.offset + (address - section.address), section.offset + (address - section.address) + size) : null;
  };
  return { machine, loadBias: Number.isFinite(loadBias) ? loadBias : 0, symbols, fileBytesAt };
}

const EM_X86_64 = 62;
const EM_AARCH64 = 183;

/** AESENC/AESENCLAST/AESDEC/AESDECLAST (66 0F 38 DC–DF) or AESE/AESD (4E28 48xx / 4E28 58xx). */
function hasAesInstructions(code, machine) {
  if (machine === EM_X86_64) {
    for (let i = 0; i + 3 < code.length; i += 1) {
      if (code[i] === 0x66 && code[i + 1] === 0x0f && code[i + 2] === 0x38 && code[i + 3] >= 0xdc && code[i + 3] <= 0xdf) return true;
    }
    return false;
  }
  if (machine === EM_AARCH64) {
    for (let i = 0; i + 3 < code.length; i += 4) {
      const word = code.readUInt32LE(i) & 0xffffec00;
      if (word === 0x4e284800) return true; // AESE (0x4e284800) or AESD (0x4e285800)
    }
    return false;
  }
  return false;
}

/**
 * Is the hardware AES path compiled into this build of the SQLite module?
 * `verdict`: 'hardware' (both CBC functions are there and use AES instructions), 'software' (the
 * symbol table shows the portable code only), or 'unknown' (not an ELF file, or stripped).
 */
export function inspectBinary(file) {
  if (!existsSync(file)) return { verdict: 'unknown', reason: `${file} does not exist` };
  const elf = readElf(file);
  if (!elf) return { verdict: 'unknown', reason: 'not a 64-bit little-endian ELF file (only Linux builds are inspected)' };
  if (elf.symbols.size === 0) return { verdict: 'unknown', reason: 'the binary has no symbol table (stripped)' };
  if (!elf.symbols.has('RijndaelInit') && ![...elf.symbols.keys()].some((name) => name.startsWith('RijndaelInit'))) {
    return { verdict: 'unknown', reason: 'no SQLite3 Multiple Ciphers AES code found' };
  }
  const missing = HARDWARE_FUNCTIONS.filter((name) => {
    const symbol = elf.symbols.get(name);
    const code = symbol && symbol.size > 0 ? elf.fileBytesAt(symbol.value, symbol.size) : null;
    return !code || !hasAesInstructions(code, elf.machine);
  });
  if (missing.length > 0) return { verdict: 'software', reason: `${missing.join(' and ')} with AES instructions not found: the portable AES code only` };
  const architecture = elf.machine === EM_X86_64 ? 'AES-NI' : 'ARMv8 crypto extension';
  return { verdict: 'hardware', reason: `${HARDWARE_FUNCTIONS.join(' and ')} use ${architecture} instructions` };
}

/**
 * Does this CPU have what SQLite3 Multiple Ciphers checks for (x86: AES and SSE4.1; arm64: AES)?
 * null when it cannot be told (not Linux).
 */
export function cpuHasAes() {
  try {
    const info = readFileSync('/proc/cpuinfo', 'utf8');
    const flags = new Set((info.match(/^(flags|Features)\s*:(.*)$/m)?.[2] ?? '').trim().split(/\s+/));
    return process.arch === 'x64' ? flags.has('aes') && flags.has('sse4_1') : flags.has('aes');
  } catch {
    return null;
  }
}

/** The SQLite module loaded into this process: its file and the address it is mapped at. */
export function loadedModule() {
  let maps;
  try {
    maps = readFileSync('/proc/self/maps', 'utf8');
  } catch {
    return null;
  }
  for (const line of maps.split('\n')) {
    const [range, , offset, , , ...path] = line.trim().split(/\s+/);
    const file = path.join(' ');
    if (file.endsWith(`/${NATIVE_MODULE_FILE}`) && Number.parseInt(offset ?? '', 16) === 0) {
      return { file, base: Number.parseInt(range?.split('-')[0] ?? '', 16) };
    }
  }
  return null;
}

/** The address of the library's cached CPU check in this process, or a reason why there is none. */
function decisionAddress() {
  const loaded = loadedModule();
  if (!loaded) return { reason: `${NATIVE_MODULE_FILE} is not loaded in this process (open a database first)` };
  const elf = readElf(loaded.file);
  if (!elf || elf.symbols.size === 0) return { reason: `${loaded.file} has no symbol table to find the AES check in` };
  const name = [...elf.symbols.keys()].find((symbol) => DECISION.test(symbol));
  if (!name) return { reason: `${loaded.file} has no hardware AES path (no cached CPU check)` };
  return { address: loaded.base + elf.symbols.get(name).value - elf.loadBias, file: loaded.file };
}

/**
 * Which AES the loaded SQLite module runs in this process: 'hardware' or 'software', as its own
 * cached CPU check says. The check runs on the first key setup, so open and read an encrypted
 * database first; before that, or where the probe cannot look, `path` is null and `reason` says why.
 */
export function runtimeAesPath() {
  const found = decisionAddress();
  if (!found.address) return { path: found.reason?.includes('no hardware AES path') ? 'software' : null, reason: found.reason };
  const value = Buffer.alloc(4);
  const fd = openSync('/proc/self/mem', 'r');
  try {
    readSync(fd, value, 0, 4, found.address);
  } finally {
    closeSync(fd);
  }
  return { path: value.readInt32LE(0) !== 0 ? 'hardware' : 'software', file: found.file };
}

/**
 * Overwrite the library's cached CPU check in this process (true: hardware, false: software).
 * Only for tests and benchmarks: forcing 'hardware' on a CPU without AES instructions would crash.
 */
export function setRuntimeAesPath(hardware) {
  const found = decisionAddress();
  if (!found.address) throw new Error(found.reason);
  const value = Buffer.alloc(4);
  value.writeInt32LE(hardware ? 1 : 0, 0);
  const fd = openSync('/proc/self/mem', 'r+');
  try {
    writeSync(fd, value, 0, 4, found.address);
  } finally {
    closeSync(fd);
  }
}

/** The portable code's lookup tables (T1–T8) in this process, for the tests' control. */
export function softwareAesTables() {
  const loaded = loadedModule();
  const elf = loaded ? readElf(loaded.file) : null;
  if (!loaded || !elf) return [];
  return ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8']
    .map((name) => elf.symbols.get(name))
    .filter((symbol) => symbol && symbol.size > 0)
    .map((symbol) => ({ address: loaded.base + symbol.value - elf.loadBias, size: symbol.size }));
}

/** Read or write this process's memory (tests only: a control that breaks the portable AES code). */
export function processMemory(address, sizeOrBytes) {
  const write = Buffer.isBuffer(sizeOrBytes);
  const buffer = write ? sizeOrBytes : Buffer.alloc(sizeOrBytes);
  const fd = openSync('/proc/self/mem', write ? 'r+' : 'r');
  try {
    if (write) writeSync(fd, buffer, 0, buffer.length, address);
    else readSync(fd, buffer, 0, buffer.length, address);
  } finally {
    closeSync(fd);
  }
  return buffer;
}

// A full disk noticed before SQLite meets it. SQLite survives a full disk (the write
// fails and rolls back), but everything around it does not: the -wal file cannot grow,
// a checkpoint cannot finish, the log and the mail files stop. So the server keeps
// some space in reserve: while the disk holding DATA_DIR has less free space than
// `headroomBytes`, writes are refused at once (503, the form kept) instead of being
// attempted, and they resume by themselves as soon as space comes back.
import { statfsSync } from 'node:fs'

/** A write refused because the disk is (nearly) full: shown as «try again», never retried. */
export class StorageFull extends Error {
  readonly code = 'STORAGE_FULL'
  constructor(freeBytes: number) {
    super(`the disk holding the database has ${Math.round(freeBytes / 1024)} KiB free`)
  }
}

export interface StorageGauge {
  /** The error that refuses a write now, or undefined while there is room. */
  refusal(): StorageFull | undefined
}

/** Reads the free space at most once a second: a statfs per write would cost more than the write. */
export function storageGauge(
  dir: string,
  headroomBytes: number,
  clock: () => number = () => performance.now(),
  freeBytesOf: (dir: string) => number = (d) => {
    const s = statfsSync(d)
    return s.bavail * s.bsize
  },
): StorageGauge {
  let checkedAt = Number.NEGATIVE_INFINITY
  let free = Number.POSITIVE_INFINITY
  const read = () => {
    if (clock() - checkedAt >= 1000) {
      checkedAt = clock()
      try {
        free = freeBytesOf(dir)
      } catch {
        free = Number.POSITIVE_INFINITY // a file system that cannot say: let SQLite decide
      }
    }
    return free
  }
  return {
    refusal: () => {
      const bytes = read()

      return bytes < headroomBytes ? new StorageFull(bytes) : undefined
    },
  }
}

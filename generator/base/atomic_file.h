// Writing outputs whole or not at all: content goes to a temporary file in
// the target's folder, is flushed to the disk (fdatasync) and renamed into
// place, so an interrupted run never leaves a half-written report. A set of
// files that belong together (a report) goes into a scratch folder beside
// its folder, is flushed with one syncfs, and is swapped in at once
// (PendingFolder); files committed inside it are not flushed one by one. Temporaries are
// named `.<name>.tmp<pid>`; those of a run that was killed are removed by
// the next one that writes there.
#pragma once

#include <string>

namespace jixiao {

// Throws InputError (cannot-write) naming the path.
void WriteFileAtomic(const std::string& path, const std::string& content);

// A temporary path beside `path` for writers that need a file name
// (libxlsxwriter); Commit flushes it to the disk and renames it into place,
// the destructor removes it if it was never committed.
class PendingFile {
 public:
  explicit PendingFile(std::string path);
  ~PendingFile();
  PendingFile(const PendingFile&) = delete;
  PendingFile& operator=(const PendingFile&) = delete;
  const std::string& temp_path() const { return temp_; }
  void Commit();

 private:
  std::string path_, temp_;
  bool committed_ = false;
};

// A folder whose files appear together or not at all: they are written into
// scratch() (`.<name>.tmp<pid>` beside `dir`), and Commit flushes them and
// puts the folder in place in one rename — exchanging it with an existing
// folder, whose other files (not in the new set) are kept. The destructor
// removes the scratch folder unless committed. Throws InputError
// (cannot-write) naming `dir`.
class PendingFolder {
 public:
  explicit PendingFolder(std::string dir);
  ~PendingFolder();
  PendingFolder(const PendingFolder&) = delete;
  PendingFolder& operator=(const PendingFolder&) = delete;
  const std::string& scratch() const { return scratch_; }
  void Commit();

 private:
  std::string dir_, scratch_;
  bool committed_ = false;
};

// How PendingFolder::Commit makes a set durable, for the whole process
// (and the workers it forks). kEach, the default: one syncfs before the set
// is put in place, so after a crash the folder holds the old set or the
// whole new one. kDeferred (batch --sync end): no sync at Commit; the caller
// flushes once when all sets are in place (SyncFolderFilesystem). Until
// then a crash of the system (not of the process) may leave a set that was
// put in place with files whose data never reached the disk.
enum class SetSync { kEach, kDeferred };
void SetSetSync(SetSync mode);
SetSync CurrentSetSync();

// Flushes the filesystem holding `folder` (one syncfs): its files' data and
// folder entries. False, with errno set, when it cannot.
bool SyncFolderFilesystem(const std::string& folder);

// Removes, directly in `folder`, the temporaries (`.<name>.tmp<pid>`, files
// or folders) of runs no longer alive; with `of`, only those of that name
// (`.<of>.tmp<pid>`).
void RemoveStaleTemporaries(const std::string& folder, const std::string& of = "");

}  // namespace jixiao

// Writing outputs whole or not at all: content goes to a temporary file in
// the target's folder and is renamed into place, so an interrupted run
// never leaves a half-written report.
#pragma once

#include <string>

namespace jixiao {

// Throws InputError (cannot-write) naming the path.
void WriteFileAtomic(const std::string& path, const std::string& content);

// A temporary path beside `path` for writers that need a file name
// (libxlsxwriter); Commit renames it into place, the destructor removes it
// if it was never committed.
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

}  // namespace jixiao

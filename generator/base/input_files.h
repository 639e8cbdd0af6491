// A project's input files: a path in, its bytes out — read from the disk,
// or from files held in memory (a server's upload: project.yaml, its
// 数据采集表.xlsx, text/*.md) under a root folder that only names them.
//
// Loaders read through this rather than the filesystem, so the same code
// serves a folder and a request. Paths keep the form the loaders build
// (root / "text" / "项目概况.md"), so diagnostics name the same files either
// way. In memory, a path under the root is looked up among the given files
// only; a path outside it (the indicator system a project names by a
// relative path, a shared text folder) is read from the disk only when it
// lies in an allowed folder (allowed_folders.h; by default the bundled
// indicators/).
//
// Confined to a folder on disk (a project read by the command line or a
// batch), a path is read only when it lies, symbolic links resolved, under
// the root or an allowed folder. A path outside them is not read: Read,
// Held, IsFile, IsFolder and FileNames throw InputError (path-not-allowed)
// naming it, never its content.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/allowed_folders.h"

namespace jixiao {

class InputFiles {
 public:
  // The disk: every path read as it is.
  InputFiles() = default;
  // `files` by their name under `root`: "project.yaml", "text/项目概况.md".
  // `allowed`: folders on disk it may read besides (null: the bundled indicators/).
  InputFiles(std::string root, std::map<std::string, std::string> files,
             std::shared_ptr<const AllowedFolders> allowed = nullptr);
  // The disk, confined to `root` (a project's folder) and `allowed`.
  InputFiles(std::string root, std::shared_ptr<const AllowedFolders> allowed);

  bool InMemory() const { return in_memory_; }
  const std::string& Root() const { return root_; }

  // The bytes of a file; nullopt when it is missing, a folder or unreadable.
  std::optional<std::string> Read(const std::string& path) const;
  // The bytes as held, without a copy; null when not held in memory (read
  // the disk then). For workbooks, which can be large.
  const std::string* Held(const std::string& path) const;
  bool IsFile(const std::string& path) const;
  bool IsFolder(const std::string& path) const;
  // Whether `path` may be read: held in memory, or on an unconfined disk, or
  // under the root (on disk) or an allowed folder, symbolic links resolved.
  bool MayRead(const std::string& path) const;
  // Throws InputError (path-not-allowed, at `path`) unless MayRead.
  void RequireAllowed(const std::string& path) const;
  // The folders a path may lie in, for messages: the root (on disk) and the allowed ones.
  std::string AllowedList() const;
  // The names of the files directly in `folder`, unsorted.
  std::vector<std::string> FileNames(const std::string& folder) const;

 private:
  // The name under the root of a path the loaders built, or nullopt when
  // it lies outside (or the files are on disk).
  std::optional<std::string> Key(const std::string& path) const;

  bool in_memory_ = false;
  std::string root_;
  std::string resolved_root_;  // on disk and confined: the root resolved
  std::shared_ptr<const AllowedFolders> allowed_;  // null: the disk unconfined
  std::map<std::string, std::string> files_;
};

// The disk, shared: what a loader reads through when given no files.
const InputFiles& DiskFiles();

}  // namespace jixiao

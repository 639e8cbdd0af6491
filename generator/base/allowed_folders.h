// The folders an input may name files in: paths from inputs (a project's
// `system:`, `text:`, `workbook:`, its fragments under text/) are resolved,
// symbolic links included, and read only when they lie under one of them.
// A project's own folder is always allowed (InputFiles' root); the bundled
// indicators/ folder is allowed by default; the user adds more on the
// command line (--allow-path, --indicators).
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace jixiao {

class AllowedFolders {
 public:
  // Adds a folder (made absolute and resolved now; a missing one is kept as written, resolved).
  void Add(const std::string& folder);
  // Whether `path`, resolved (symbolic links followed), lies in one of the folders.
  bool Contains(const std::string& path) const;
  // The same for a path already resolved (ResolvedPath).
  bool ContainsResolved(const std::string& resolved) const;
  // The folders as resolved, for messages.
  const std::vector<std::string>& Folders() const { return folders_; }
  // "a, b, c" for messages.
  std::string List() const;

 private:
  std::vector<std::string> folders_;
};

// The bundled indicators/ folders: indicators/ in the current folder, and
// the one beside the sources the program was built from (when it exists).
std::vector<std::string> BundledIndicatorFolders();

// The bundled indicators/ folders only: what a project read with no other
// folders named may use besides its own folder.
std::shared_ptr<const AllowedFolders> DefaultAllowedFolders();

// `path` resolved: absolute, symbolic links followed as far as it exists.
std::string ResolvedPath(const std::string& path);

// Whether `path` lies in `folder` (both resolved already).
bool PathWithin(const std::string& path, const std::string& folder);

}  // namespace jixiao

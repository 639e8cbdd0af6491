#include "base/allowed_folders.h"

#include <stdlib.h>

#include <cstdlib>
#include <filesystem>

namespace fs = std::filesystem;

namespace jixiao {

std::string ResolvedPath(const std::string& path) {
  // A path that exists: realpath(3), one call (std::filesystem builds a
  // path object at each folder of the path). Else as far as it exists.
  if (char* resolved = realpath(path.c_str(), nullptr)) {
    std::string r(resolved);
    std::free(resolved);
    return r;
  }
  std::error_code ec;
  fs::path abs = fs::absolute(path, ec);
  if (ec) abs = fs::path(path);
  fs::path canon = fs::weakly_canonical(abs, ec);
  return (ec ? abs.lexically_normal() : canon).string();
}

bool PathWithin(const std::string& path, const std::string& folder) {
  if (folder.empty()) return false;
  if (path == folder) return true;
  std::string prefix = folder.back() == '/' ? folder : folder + "/";
  return path.compare(0, prefix.size(), prefix) == 0;
}

void AllowedFolders::Add(const std::string& folder) {
  if (folder.empty()) return;
  std::string r = ResolvedPath(folder);
  for (const auto& f : folders_)
    if (f == r) return;
  folders_.push_back(std::move(r));
}

bool AllowedFolders::Contains(const std::string& path) const {
  return !folders_.empty() && ContainsResolved(ResolvedPath(path));
}

bool AllowedFolders::ContainsResolved(const std::string& resolved) const {
  for (const auto& f : folders_)
    if (PathWithin(resolved, f)) return true;
  return false;
}

std::string AllowedFolders::List() const {
  std::string s;
  for (const auto& f : folders_) s += (s.empty() ? "" : ", ") + f;
  return s;
}

std::vector<std::string> BundledIndicatorFolders() {
  std::vector<std::string> out;
  std::error_code ec;
  if (fs::is_directory("indicators", ec)) out.push_back("indicators");
#ifdef JIXIAO_BUNDLED_INDICATORS
  if (fs::is_directory(JIXIAO_BUNDLED_INDICATORS, ec)) out.push_back(JIXIAO_BUNDLED_INDICATORS);
#endif
  return out;
}

std::shared_ptr<const AllowedFolders> DefaultAllowedFolders() {
  auto a = std::make_shared<AllowedFolders>();
  for (const auto& f : BundledIndicatorFolders()) a->Add(f);
  return a;
}

}  // namespace jixiao

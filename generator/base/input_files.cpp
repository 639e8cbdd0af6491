#include "base/input_files.h"

#include <filesystem>

#include "base/diagnostics.h"
#include "base/messages.h"
#include "base/read_file.h"

namespace fs = std::filesystem;

namespace jixiao {

InputFiles::InputFiles(std::string root, std::map<std::string, std::string> files,
                       std::shared_ptr<const AllowedFolders> allowed)
    : in_memory_(true), root_(std::move(root)), allowed_(allowed ? std::move(allowed) : DefaultAllowedFolders()) {
  for (auto& [name, bytes] : files) files_[fs::path(name).lexically_normal().generic_string()] = std::move(bytes);
}

InputFiles::InputFiles(std::string root, std::shared_ptr<const AllowedFolders> allowed)
    : root_(std::move(root)), allowed_(allowed ? std::move(allowed) : DefaultAllowedFolders()) {
  resolved_root_ = ResolvedPath(root_);
}

bool InputFiles::MayRead(const std::string& path) const {
  if (!allowed_) return true;
  if (Key(path)) return true;  // held in memory
  const std::string resolved = ResolvedPath(path);  // once: it asks the disk at each folder of the path
  if (!in_memory_ && PathWithin(resolved, resolved_root_)) return true;
  return allowed_->ContainsResolved(resolved);
}

std::string InputFiles::AllowedList() const {
  std::string s = in_memory_ || resolved_root_.empty() ? "" : resolved_root_;
  if (allowed_)
    for (const auto& f : allowed_->Folders())
      if (f != resolved_root_) s += (s.empty() ? "" : ", ") + f;
  return s;
}

void InputFiles::RequireAllowed(const std::string& path) const {
  if (!MayRead(path)) Fail(SourceLoc{path}, "", msg::kPathNotAllowed, AllowedList());
}

std::optional<std::string> InputFiles::Key(const std::string& path) const {
  if (!in_memory_) return std::nullopt;
  fs::path rel = fs::path(path).lexically_normal().lexically_relative(fs::path(root_).lexically_normal());
  std::string key = rel.generic_string();
  if (key.empty() || key.rfind("..", 0) == 0) return std::nullopt;
  return key;
}

const std::string* InputFiles::Held(const std::string& path) const {
  auto key = Key(path);
  if (!key) {
    RequireAllowed(path);  // the caller reads the disk then
    return nullptr;
  }
  auto it = files_.find(*key);
  return it == files_.end() ? nullptr : &it->second;
}

std::optional<std::string> InputFiles::Read(const std::string& path) const {
  auto key = Key(path);
  if (!key) {
    RequireAllowed(path);
    return ReadFileBytes(path);
  }
  auto it = files_.find(*key);
  if (it == files_.end()) return std::nullopt;
  return it->second;
}

bool InputFiles::IsFile(const std::string& path) const {
  auto key = Key(path);
  if (!key) {
    RequireAllowed(path);
    std::error_code ec;
    return fs::is_regular_file(path, ec);
  }
  return files_.count(*key) > 0;
}

bool InputFiles::IsFolder(const std::string& path) const {
  auto key = Key(path);
  if (!key) {
    RequireAllowed(path);
    std::error_code ec;
    return fs::is_directory(path, ec);
  }
  if (*key == ".") return true;  // the root
  const std::string prefix = *key + "/";
  auto it = files_.lower_bound(prefix);
  return it != files_.end() && it->first.compare(0, prefix.size(), prefix) == 0;
}

std::vector<std::string> InputFiles::FileNames(const std::string& folder) const {
  std::vector<std::string> names;
  auto key = Key(folder);
  if (!key) {
    RequireAllowed(folder);
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
      if (it->is_regular_file(ec)) names.push_back(it->path().filename().string());
    return names;
  }
  const std::string prefix = *key == "." ? "" : *key + "/";
  for (auto it = files_.lower_bound(prefix); it != files_.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
    std::string rest = it->first.substr(prefix.size());
    if (rest.find('/') == std::string::npos) names.push_back(rest);
  }
  return names;
}

const InputFiles& DiskFiles() {
  static const InputFiles disk;
  return disk;
}

}  // namespace jixiao

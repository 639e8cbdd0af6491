// The name a folder is known by in titles and output paths: the last part
// of its absolute, normalised path, so "." and "project/" name the folder
// itself ("jiaocheng-2024"), never "." or "".
#pragma once

#include <filesystem>
#include <string>

namespace jixiao {

inline std::string FolderName(const std::string& dir) {
  namespace fs = std::filesystem;
  fs::path p = fs::absolute(dir.empty() ? "." : dir).lexically_normal();
  if (p.filename().empty()) p = p.parent_path();
  return p.filename().string();
}

}  // namespace jixiao

#include "commands/output_folder.h"

#include <filesystem>

#include "base/folder_name.h"

namespace fs = std::filesystem;

namespace jixiao {

std::string ProjectOutputDir(const std::string& out, const Project& p) {
  return (fs::path(out) / FolderName(p.dir)).string();
}

std::string CheckOutputDir(const std::string& out, const std::string& target, InputKind kind,
                           const Project* p) {
  if (IsWorkbookKind(kind) || !p) return (fs::path(out) / fs::path(target).stem()).string();
  return ProjectOutputDir(out, *p);
}

std::string BatchOutputRel(const std::string& found, const std::string& folder) {
  fs::path rel = fs::relative(fs::path(found), fs::path(folder));
  if (IsXlsxPath(found)) rel.replace_extension();
  return rel.string();
}

}  // namespace jixiao

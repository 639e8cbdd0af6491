#include "commands/command_result.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "base/messages.h"
#include "base/read_file.h"

namespace fs = std::filesystem;

namespace jixiao {

std::string CommandResult::DiagnosticsText() const {
  std::string s;
  size_t errors = 0;
  for (const auto& d : diagnostics.All()) {
    s += RenderDiagnostic(d, language, inputs.get());
    errors += d.severity == Severity::kError ? 1 : 0;
  }
  s += language == Language::kEnglish ? fmt::format("{} error(s).\n", errors)
                                      : fmt::format("共 {} 个错误。\n", errors);
  return s;
}

std::vector<OutputFile> KeepInMemory(const std::string& dir,
                                     const std::function<std::vector<std::string>(const std::string&)>& write) {
  std::error_code tmp_ec;
  fs::path tmp = fs::temp_directory_path(tmp_ec);
  std::string pattern = ((tmp_ec ? fs::path("/tmp") : tmp) / "jixiao-out-XXXXXX").string();
  if (!mkdtemp(pattern.data())) Fail(SourceLoc{pattern}, "", msg::kCannotWrite, std::strerror(errno));
  struct Remove {
    std::string dir;
    ~Remove() {
      std::error_code ec;
      fs::remove_all(dir, ec);
    }
  } scratch{pattern};
  std::vector<OutputFile> files;
  for (const auto& written : write(scratch.dir)) {
    std::string name = fs::path(written).filename().string();
    std::optional<std::string> bytes = ReadFileBytes(written);
    if (!bytes) Fail(SourceLoc{written}, "", msg::kCannotRead);
    files.push_back(OutputFile{(fs::path(dir) / name).string(), std::move(*bytes)});
  }
  return files;
}

}  // namespace jixiao

// Shared by the libFuzzer harnesses (tests/fuzz/README in docs/fuzzing.md):
// a scratch folder per process, and the bundled sources' folder.
#pragma once

#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "base/input_files.h"

namespace jixiao::fuzz {

// A folder of this process's own, made once, for inputs a loader reads
// from disk (an indicator system, a workbook read by path).
inline const std::string& ScratchDir() {
  static const std::string dir = [] {
    std::string tmpl = (std::filesystem::temp_directory_path() / "jixiao-fuzz-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) std::abort();
    return tmpl;
  }();
  return dir;
}

inline std::string WriteScratch(const std::string& name, std::string_view bytes) {
  std::string path = ScratchDir() + "/" + name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return path;
}

// The repository, for the bundled indicator systems.
inline std::string SourcePath(const std::string& rel) { return std::string(JIXIAO_SOURCE_DIR) + "/" + rel; }

// An input made of two files: `first` up to the marker line, `second` after it.
// Without the marker the whole input is the second part.
inline void SplitTwo(std::string_view data, std::string_view& first, std::string_view& second) {
  static constexpr std::string_view kMarker = "\n#@@@\n";
  size_t at = data.find(kMarker);
  if (at == std::string_view::npos) {
    first = {};
    second = data;
    return;
  }
  first = data.substr(0, at);
  second = data.substr(at + kMarker.size());
}

// An input holding an indicator system and a project.yaml (SplitTwo): the
// system written to the scratch folder as sys.yaml (the project names it so),
// the project held in memory.
struct SystemAndProject {
  std::string system;
  std::shared_ptr<InputFiles> files;
};
inline SystemAndProject ReadSystemAndProject(const uint8_t* data, size_t size) {
  std::string_view system, project;
  SplitTwo(std::string_view(reinterpret_cast<const char*>(data), size), system, project);
  return {WriteScratch("sys.yaml", system),
          std::make_shared<InputFiles>(ScratchDir() + "/p",
                                       std::map<std::string, std::string>{{"project.yaml", std::string(project)}})};
}

}  // namespace jixiao::fuzz

#include "serve/start_project.h"

#include <Poco/Zip/Compress.h>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>

#include "base/allowed_folders.h"
#include "base/atomic_file.h"
#include "base/messages.h"
#include "base/read_file.h"
#include "commands/import.h"
#include "commands/init.h"
#include "load/load.h"
#include "render/render.h"

namespace fs = std::filesystem;

namespace jixiao {
namespace {

struct BundledSystem {
  std::string file, path, name;
};

// Read once: the bundled systems do not change while the server runs.
const std::vector<BundledSystem>& BundledSystems() {
  static const std::vector<BundledSystem> systems = [] {
    std::vector<BundledSystem> found;
    for (const auto& folder : BundledIndicatorFolders()) {
      std::error_code ec;
      for (const auto& e : fs::directory_iterator(folder, ec)) {
        if (e.path().extension() != ".yaml" || !e.is_regular_file(ec)) continue;
        const std::string file = e.path().filename().string();
        if (std::any_of(found.begin(), found.end(), [&](const BundledSystem& s) { return s.file == file; })) continue;
        try {
          found.push_back({file, e.path().string(), LoadSystem(e.path().string())->name});
        } catch (const InputError&) {
          // a bundled file that does not load is not offered
        }
      }
      if (!found.empty()) break;  // the first folder that has them
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.file < b.file; });
    return found;
  }();
  return systems;
}

bool EndsWith(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

std::string BundledSystemsJson() {
  std::string out = "[";
  for (const auto& s : BundledSystems())
    out += fmt::format("{}{{\"file\": {}, \"name\": {}}}", out.size() > 1 ? "," : "", JsonString(s.file), JsonString(s.name));
  return out + "]\n";
}

StartedProject StartProjectFiles(const std::string& system, const Upload* upload, const std::string& scratch,
                                 Language lang) {
  StartedProject out;
  CommandResult step;
  step.language = lang;
  // As the command line lays a project out: indicators/<system>.yaml and
  // inputs/<项目>/, so project.yaml names ../../indicators/<system>.yaml.
  const std::string indicators = scratch + "/indicators", project = scratch + "/inputs/新项目";
  std::string system_file;
  CatchInputError(step, [&] {
    fs::create_directories(indicators);
    if (!upload) {
      auto it = std::find_if(BundledSystems().begin(), BundledSystems().end(),
                             [&](const BundledSystem& s) { return s.file == system; });
      if (it == BundledSystems().end()) Fail(SourceLoc{system}, "", msg::kServeUnknownSystem, system);
      system_file = it->file;
      WriteFileAtomic(indicators + "/" + system_file, *ReadFileBytes(it->path));
    } else if (EndsWith(upload->name, ".yaml") || EndsWith(upload->name, ".yml")) {
      system_file = "system.yaml";
      WriteFileAtomic(indicators + "/" + system_file, upload->bytes);
    } else if (EndsWith(upload->name, ".xlsx") || EndsWith(upload->name, ".XLSX")) {
      system_file = "system.yaml";
      ImportRequest import;
      import.workbook = upload->name;
      import.bytes = std::make_shared<const std::string>(upload->bytes);
      import.out = indicators + "/" + system_file;
      import.language = lang;
      ImportOutcome r = RunImport(import);
      out.summary = r.summary;
      if (r.Refused()) throw InputError(r.diagnostics);
    } else {
      Fail(SourceLoc{upload->name}, "", msg::kSystemNotYaml, upload->name);
    }
  }, upload ? upload->name : system);
  // Diagnostics name the uploaded system by the name it was sent with, and
  // the project by its place in the layout, not by the server's folder.
  auto shown = [&](std::string text) {
    std::vector<std::pair<std::string, std::string>> names;
    if (!system_file.empty())
      names.emplace_back(indicators + "/" + system_file, upload ? upload->name : "indicators/" + system_file);
    names.emplace_back(scratch + "/", "");
    for (const auto& [from, to] : names) {
      for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    }
    return text;
  };
  if (step.Refused()) {
    out.refused = true;
    out.diagnostics = shown(step.DiagnosticsText());
    out.summary = shown(out.summary);
    return out;
  }
  InitRequest init;
  init.dir = project;
  init.indicators = indicators + "/" + system_file;
  init.language = lang;
  CommandResult r = RunInit(init);
  out.summary = shown(out.summary);
  if (r.Refused()) {
    out.refused = true;
    out.diagnostics = shown(r.DiagnosticsText());
    return out;
  }
  // The files, and one .zip holding them in their folders.
  std::ostringstream zipped;
  {
    Poco::Zip::Compress zip(zipped, true);
    auto add = [&](const std::string& path, const std::string& entry) {
      std::optional<std::string> bytes = ReadFileBytes(path);
      if (!bytes) return;
      out.outputs.push_back(OutputFile{fs::path(path).filename().string(), *bytes});
      std::istringstream in(*bytes);
      zip.addFile(in, Poco::DateTime(), Poco::Path(entry, Poco::Path::PATH_UNIX), Poco::Zip::ZipCommon::CM_DEFLATE);
    };
    for (const auto& f : r.files) add(f.path, "inputs/新项目/" + fs::path(f.path).filename().string());
    add(indicators + "/" + system_file, "indicators/" + system_file);
    zip.close();
  }
  // The workbook first (what the user fills), then project.yaml and the system.
  std::stable_partition(out.outputs.begin(), out.outputs.end(),
                        [](const OutputFile& f) { return fs::path(f.path).extension() == ".xlsx"; });
  out.outputs.push_back(OutputFile{"新项目.zip", zipped.str()});
  return out;
}

}  // namespace jixiao

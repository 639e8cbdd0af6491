// Helpers for the unit tests: YAML text written to a fresh temporary folder
// (the loaders take file paths), and a way to catch an InputError and look
// at its diagnostics.
#pragma once

#include <sstream>

#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "base/diagnostics.h"

namespace jixiao::testing {

// A temporary folder, removed with everything in it when the object goes.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "jixiao-test-XXXXXX").string();
    std::vector<char> buf(tmpl.begin(), tmpl.end());
    buf.push_back('\0');
    if (!mkdtemp(buf.data())) throw std::runtime_error("mkdtemp failed");
    path_ = buf.data();
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }

  // Writes `text` to `name` inside the folder; returns the file's path.
  std::string Write(const std::string& name, const std::string& text) const {
    std::filesystem::path p = std::filesystem::path(path_) / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out << text;
    return p.string();
  }

 private:
  std::string path_;
};

// Runs `f`, which must throw InputError, and returns its diagnostics. A test
// that expects an error and gets none fails here.
inline std::vector<Diagnostic> CatchDiagnostics(const std::function<void()>& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.diagnostics().All();
  }
  FAIL("expected an InputError, got none");
  return {};
}

// The diagnostics with the given id.
inline std::vector<Diagnostic> WithId(const std::vector<Diagnostic>& all, const std::string& id) {
  std::vector<Diagnostic> out;
  for (const auto& d : all)
    if (d.id == id) out.push_back(d);
  return out;
}

// The Chinese text of a message, whatever the process language is.
// A file's bytes.
inline std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

// Compares a case's rendered report.md with tests/golden/<name>/report.md,
// naming the first differing line; JIXIAO_ACCEPT=1 rewrites the golden file
// (review the diff before committing it).
inline void CheckGolden(const std::string& name, const std::string& markdown) {
  namespace fs = std::filesystem;
  fs::path golden = fs::path(JIXIAO_SOURCE_DIR) / "tests" / "golden" / name / "report.md";
  const char* accept = std::getenv("JIXIAO_ACCEPT");
  if (accept && std::string(accept) == "1") {
    fs::create_directories(golden.parent_path());
    std::ofstream(golden, std::ios::binary) << markdown;
    MESSAGE("rewrote " << golden.string());
  }
  REQUIRE_MESSAGE(fs::exists(golden), "no golden file " << golden.string());
  std::string want = ReadText(golden.string());
  if (markdown != want) {
    std::istringstream a(markdown), b(want);
    std::string la, lb;
    int line = 1;
    while (std::getline(a, la) && std::getline(b, lb) && la == lb) ++line;
    FAIL_CHECK(golden.string() << ":" << line << ": differs\n  got:  " << la << "\n  want: " << lb);
  }
}

inline std::string Zh(const Diagnostic& d) {
  std::string s = Pick(d.message, Language::kChinese);
  return s;
}

// Every diagnostic as it would print, for a failure message.
inline std::string Dump(const std::vector<Diagnostic>& all) {
  std::string s;
  for (const auto& d : all) s += d.id + " @ " + d.loc.ToString() + " [" + d.indicator + "] " + d.message.zh + "\n";
  return s;
}

}  // namespace jixiao::testing

// LibreOffice for the tests that re-save a workbook the way a user's office
// suite would. Every call has a profile of its own, so two test processes at
// once never share one; a conversion that fails is tried again, and each
// failure is logged with its exit status and what LibreOffice printed, so a
// flaky first start is visible in the test output rather than hidden.
#pragma once

#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

namespace jixiao::testing {

inline bool OnPath(const std::string& program) {
  const char* path = std::getenv("PATH");
  if (!path) return false;
  std::stringstream ss(path);
  std::string dir;
  while (std::getline(ss, dir, ':')) {
    if (!dir.empty() && access((dir + "/" + program).c_str(), X_OK) == 0) return true;
  }
  return false;
}

// Whether the LibreOffice tests can run. scripts/install-deps.sh installs
// LibreOffice unless JIXIAO_MINIMAL=1; only then may it be missing, and the
// test says so. Anywhere else a missing LibreOffice fails the test instead
// of passing it without its assertions.
inline bool LibreOfficeAvailable() {
  if (OnPath("libreoffice")) return true;
  const char* minimal = std::getenv("JIXIAO_MINIMAL");
  if (minimal && std::string(minimal) == "1") {
    MESSAGE("not run: JIXIAO_MINIMAL=1 and libreoffice is not installed");
    return false;
  }
  FAIL("libreoffice is not installed: run scripts/install-deps.sh (or set JIXIAO_MINIMAL=1 to leave these tests out)");
  return false;
}

// Converts `input` to .`to` (xlsx, pdf) in `out_dir` with a profile under `work_dir`;
// returns the converted file's path, or "" after the last failed attempt.
// LibreOffice's first start in a new profile (or on a machine where it has
// never run) can end early with a non-zero status before it converts
// anything; the next start in the same profile then succeeds. So the
// profile is made first by a start that only initialises it, and the
// conversion is tried up to three times.
inline std::string ConvertWithLibreOffice(const std::string& input, const std::string& out_dir,
                                          const std::string& work_dir, const std::string& to = "xlsx") {
  namespace fs = std::filesystem;
  const std::string profile = work_dir + "/lo-profile";
  const std::string log = work_dir + "/lo.log";
  const std::string env = "-env:UserInstallation=file://" + profile;
  const fs::path converted = fs::path(out_dir) / (fs::path(input).stem().string() + "." + to);
  auto run = [&](const std::string& args) {
    std::string cmd = "libreoffice --headless --norestore " + env + " " + args + " >'" + log + "' 2>&1";
    int status = std::system(cmd.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  };
  auto printed = [&] {
    std::ifstream in(log);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  };
  if (!fs::exists(profile)) {
    int rc = run("--terminate_after_init");
    std::string what = "LibreOffice warm-up exited " + std::to_string(rc) + ": " + printed();
    if (rc != 0) MESSAGE(what);
  }
  for (int attempt = 1; attempt <= 3; ++attempt) {
    std::error_code ec;
    fs::remove(converted, ec);
    auto start = std::chrono::steady_clock::now();
    int rc = run("--convert-to " + to + " --outdir '" + out_dir + "' '" + input + "'");
    if (rc == 0 && fs::exists(converted)) return converted.string();
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::string what = "LibreOffice attempt " + std::to_string(attempt) + " of 3 exited " +
                       std::to_string(rc) + " after " + std::to_string(seconds) + " s" +
                       (fs::exists(converted) ? "" : ", no output") + ": " + printed();
    MESSAGE(what);
    std::this_thread::sleep_for(std::chrono::milliseconds(500 * attempt));
  }
  return "";
}

}  // namespace jixiao::testing

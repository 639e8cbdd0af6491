#include "render/pdf/convert_pdf.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "base/diagnostics.h"
#include "base/messages.h"

extern char** environ;

namespace fs = std::filesystem;

namespace jixiao {
namespace {

// An executable named `program` on PATH; "" when there is none.
std::string OnPath(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::stringstream ss(path ? path : "/usr/bin:/bin");
  std::string dir;
  while (std::getline(ss, dir, ':'))
    if (!dir.empty() && ::access((dir + "/" + program).c_str(), X_OK) == 0) return dir + "/" + program;
  return "";
}

// unoconv is a Python script that needs the python3-uno bridge, which only
// Debian's own interpreter has: run it with /usr/bin/python3 when there is
// one, whatever python3 comes first on PATH.
std::string Python() { return ::access("/usr/bin/python3", X_OK) == 0 ? "/usr/bin/python3" : OnPath("python3"); }

bool LibreOfficeInstalled() {
  return ::access("/usr/lib/libreoffice/program/soffice", X_OK) == 0 || !OnPath("soffice").empty();
}

// The .docx names the fonts Windows and WPS have; for the conversion they
// are the Debian faces of the same kind (serif for 宋体 and 仿宋, sans for
// 黑体, a 楷 face for 楷体).
constexpr const char* kFontConfig = R"(<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <alias binding="same"><family>宋体</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>SimSun</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>仿宋</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>仿宋_GB2312</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>FangSong</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>方正小标宋简体</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>黑体</family><prefer><family>Noto Sans CJK SC</family></prefer></alias>
  <alias binding="same"><family>SimHei</family><prefer><family>Noto Sans CJK SC</family></prefer></alias>
  <alias binding="same"><family>楷体</family><prefer><family>AR PL UKai CN</family><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>楷体_GB2312</family><prefer><family>AR PL UKai CN</family><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>KaiTi</family><prefer><family>AR PL UKai CN</family><family>Noto Serif CJK SC</family></prefer></alias>
</fontconfig>
)";

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string s = ss.str();
  if (s.size() > 2000) s = "…" + s.substr(s.size() - 2000);  // the end says what went wrong
  return s;
}

// Runs argv with `env` added, its output to `log`, in a process group of
// its own (LibreOffice's listener is its child); killed at the deadline.
// Returns the exit status, or -1 when it was stopped.
int Run(const std::vector<std::string>& argv, const std::vector<std::string>& env, const fs::path& log,
        double timeout_seconds) {
  std::vector<std::string> envs = env;
  for (char** e = environ; *e; ++e) {
    std::string kv = *e;
    bool replaced = false;
    for (const auto& mine : env) replaced = replaced || kv.compare(0, mine.find('=') + 1, mine, 0, mine.find('=') + 1) == 0;
    if (!replaced) envs.push_back(kv);
  }
  std::vector<char*> a, e;
  for (const auto& s : argv) a.push_back(const_cast<char*>(s.c_str()));
  a.push_back(nullptr);
  for (const auto& s : envs) e.push_back(const_cast<char*>(s.c_str()));
  e.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attr, 0);
  pid_t pid = -1;
  int rc = posix_spawn(&pid, a[0], &actions, &attr, a.data(), e.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (rc != 0) return 127;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_seconds);
  for (;;) {
    int status = 0;
    pid_t w = ::waitpid(pid, &status, WNOHANG);
    if (w == pid) {
      ::kill(-pid, SIGKILL);  // a listener left behind
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    if (w < 0 && errno != EINTR) return 127;
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(-pid, SIGKILL);
      while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
      }
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

}  // namespace

void RequirePdfConverter() {
  if (OnPath("unoconv").empty() || Python().empty() || !LibreOfficeInstalled())
    Fail(SourceLoc{}, "", msg::kPdfConverterMissing);
}

void ConvertDocxToPdf(const std::vector<std::string>& docx, double timeout_seconds) {
  if (docx.empty()) return;
  RequirePdfConverter();
  // A private home (LibreOffice's profile) and font map, removed afterwards.
  std::string tmpl = (fs::temp_directory_path() / "jixiao-pdf-XXXXXX").string();
  if (!::mkdtemp(tmpl.data())) Fail(SourceLoc{}, "", msg::kCannotWrite, tmpl);
  const fs::path work(tmpl);
  struct Cleanup {
    fs::path p;
    ~Cleanup() {
      std::error_code ec;
      fs::remove_all(p, ec);
    }
  } cleanup{work};
  {
    std::ofstream fonts(work / "fonts.conf");
    fonts << kFontConfig;
  }
  std::vector<std::string> argv = {Python(), OnPath("unoconv"), "-f", "pdf", "-T", "60"};
  for (const auto& d : docx) argv.push_back(fs::absolute(d).string());
  const std::vector<std::string> env = {"HOME=" + work.string(), "FONTCONFIG_FILE=" + (work / "fonts.conf").string(),
                                        "PYTHONWARNINGS=ignore"};
  // LibreOffice's first start in a new profile may end before it converts
  // anything; a second start in the same profile goes through.
  std::vector<std::string> missing;
  for (int attempt = 1; attempt <= 2; ++attempt) {
    int rc = Run(argv, env, work / "log", timeout_seconds);
    missing.clear();
    for (const auto& d : docx)
      if (!fs::exists(fs::path(d).replace_extension(".pdf"))) missing.push_back(d);
    if (missing.empty()) return;
    if (attempt == 2 || rc == -1) {
      std::string why = rc == -1 ? fmt::format("{} s", timeout_seconds) : ReadAll(work / "log");
      Fail(SourceLoc{missing.front(), 0, 0, ""}, "", msg::kPdfConversionFailed, why);
    }
  }
}

}  // namespace jixiao

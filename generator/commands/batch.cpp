#include "commands/batch.h"

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <map>
#include <optional>
#include <thread>

#include "base/atomic_file.h"
#include "base/messages.h"
#include "base/precision.h"
#include "check/check.h"
#include "commands/archive_step.h"
#include "commands/output_folder.h"
#include "formats/xlsx/xlsx_writer.h"
#include "load/input_kind.h"
#include "load/load.h"
#include "render/report.h"
#include "render/xlsx/render_summary_xlsx.h"
#include "render/pdf/convert_pdf.h"
#include "base/atomic_file.h"

namespace fs = std::filesystem;

namespace jixiao {
namespace {

std::string ErrorText(const Diagnostics& diags, Language lang) {
  std::string s;
  for (const auto& d : diags.All()) s += RenderDiagnostic(d, lang);
  while (!s.empty() && s.back() == '\n') s.pop_back();
  return s;
}

std::string Reason(const std::string& dir, const MessageDef& def, const std::string& arg, Language lang) {
  Diagnostics d;
  d.Error(SourceLoc{dir}, "", def, arg);
  return ErrorText(d, lang);
}

}  // namespace

BatchRow SummaryRow(const std::string& dir, const ScoredProject& sp, const CheckResult& check) {
  BatchRow row;
  row.dir = dir;
  const Project& project = *sp.project;
  row.name = project.info.name;
  row.department = project.info.department;
  row.year = project.info.year;
  row.total = sp.total;
  row.grade = sp.grade;
  row.deductions = sp.deductions;
  if (project.stated.total) row.stated_total = project.stated.total->value;
  if (project.stated.grade) row.stated_grade = project.stated.grade->text;
  else if (row.stated_total) row.stated_grade = GradeFor(sp.system(), *row.stated_total);
  for (const auto& r : sp.roots) row.level1.emplace_back(r.def->code + " " + r.def->name, r.score.ToFixed(kScorePlaces));
  row.errors = check.errors;
  row.warnings = check.warnings;
  return row;
}

namespace {

// `clash`: another project found earlier that writes to the same folder.
// `system_file`, `systems_folder`: --indicators, a file or a folder (one of them set, or neither).
// `archive`: with --db, the worker's own connection, opened at its first
// project (a connection is never shared across fork).
BatchRow RunOne(const std::string& dir, const BatchOptions& opt, const TemplateSet& templates,
                SystemCache& systems, const std::string& clash,
                const std::shared_ptr<const AllowedFolders>& allowed, const std::string& system_file,
                const std::string& systems_folder, std::unique_ptr<Database>& archive) {
  BatchRow row;
  row.dir = dir;
  try {
    if (opt.before_project) opt.before_project(dir);  // tests only: see batch.h
    if (!clash.empty())
      Fail(SourceLoc{dir}, "", msg::kBatchOutputClash, (fs::path(opt.out) / BatchOutputRel(dir, opt.folder)).string(), clash);
    // A 自评表 is a submission: read under review, so a blank 完成值 or a
    // missing 偏差原因 is a check finding rather than a failed project.
    const bool form = InputKindOf(dir) == InputKind::kSelfForm;
    auto project = LoadProject(dir, system_file, &systems, /*review=*/form, allowed, systems_folder);
    ScoredProject sp = ScoreProject(project);
    CheckResult check = CheckProject(sp, CheckOptions{});
    row = SummaryRow(dir, sp, check);
    std::optional<ArchiveOutcome> archived;
    if (!opt.db.empty()) {
      if (!archive) archive = OpenArchive(opt.db);
      archived = ArchiveScored(*archive, sp, check, dir, "batch");
      if (archived->previous) {
        row.previous_year = archived->previous->year;
        row.previous_total = archived->previous->total;
      }
    }
    if (!opt.score_only) {
      fs::path rel = BatchOutputRel(dir, opt.folder);
      fs::path out = fs::path(opt.out) / rel;
      std::vector<ExtraOutput> extra;
      if (!check.findings.empty()) {
        std::string md = RenderCheckMarkdown(check);
        extra.push_back({"check.html", RenderStandaloneHtml(check.name + " 审核意见", md)});
        extra.push_back({"check.md", std::move(md)});
      }
      Diagnostics warnings;
      ReportOptions report_options{opt.strict};
      report_options.check = &check;  // the report's consistency check: the one just made
      if (archived && archived->previous) report_options.previous = &*archived->previous;
      WriteReport(sp, templates, out.string(), extra, report_options, &warnings);
      row.notes = ErrorText(warnings, opt.language);
      row.report = (rel / "report.html").string();
    }
    row.ok = true;
  } catch (const InputError& e) {
    row.error = ErrorText(e.diagnostics(), opt.language);
  } catch (const std::bad_alloc&) {
    row.error = "out of memory / 内存不足";
  } catch (const std::exception& e) {
    row.error = e.what();
  }
  return row;
}

// A row as bytes, between a worker process and the batch: each field
// length-prefixed.
void PutText(std::string& b, const std::string& s) {
  uint64_t n = s.size();
  b.append(reinterpret_cast<const char*>(&n), sizeof n);
  b += s;
}
bool GetText(const std::string& b, size_t& at, std::string& s) {
  uint64_t n;
  if (b.size() - at < sizeof n) return false;
  std::memcpy(&n, b.data() + at, sizeof n);
  at += sizeof n;
  if (b.size() - at < n) return false;
  s.assign(b, at, n);
  at += n;
  return true;
}

std::string EncodeRow(const BatchRow& r) {
  std::string b;
  PutText(b, r.ok ? "1" : "0");
  for (const std::string* s : {&r.error, &r.notes, &r.name, &r.department, &r.year, &r.grade, &r.report, &r.stated_grade,
                               &r.previous_year})
    PutText(b, *s);
  PutText(b, r.total.Raw().get_str());
  PutText(b, r.deductions.Raw().get_str());
  PutText(b, r.stated_total ? r.stated_total->Raw().get_str() : "");
  PutText(b, r.previous_total ? r.previous_total->Raw().get_str() : "");
  PutText(b, std::to_string(r.errors));
  PutText(b, std::to_string(r.warnings));
  PutText(b, std::to_string(r.level1.size()));
  for (const auto& [k, v] : r.level1) {
    PutText(b, k);
    PutText(b, v);
  }
  return b;
}

std::optional<BatchRow> DecodeRow(const std::string& b, const std::string& dir) {
  BatchRow r;
  r.dir = dir;
  size_t at = 0;
  std::string ok, total, deductions, stated_total, previous_total, errors, warnings, count;
  if (!GetText(b, at, ok)) return std::nullopt;
  r.ok = ok == "1";
  for (std::string* s : {&r.error, &r.notes, &r.name, &r.department, &r.year, &r.grade, &r.report, &r.stated_grade,
                         &r.previous_year})
    if (!GetText(b, at, *s)) return std::nullopt;
  if (!GetText(b, at, total) || !GetText(b, at, deductions) || !GetText(b, at, stated_total) ||
      !GetText(b, at, previous_total) ||
      !GetText(b, at, errors) || !GetText(b, at, warnings) || !GetText(b, at, count))
    return std::nullopt;
  try {
    r.total = Decimal(mpq_class(total));
    r.deductions = Decimal(mpq_class(deductions));
    if (!stated_total.empty()) r.stated_total = Decimal(mpq_class(stated_total));
    if (!previous_total.empty()) r.previous_total = Decimal(mpq_class(previous_total));
    r.errors = std::stoul(errors);
    r.warnings = std::stoul(warnings);
    size_t n = std::stoul(count);
    for (size_t i = 0; i < n; ++i) {
      std::string k, v;
      if (!GetText(b, at, k) || !GetText(b, at, v)) return std::nullopt;
      r.level1.emplace_back(std::move(k), std::move(v));
    }
  } catch (const std::exception&) {
    return std::nullopt;
  }
  return r;
}

bool WriteAll(int fd, const char* p, size_t n) {
  while (n > 0) {
    ssize_t w = ::write(fd, p, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return false;
    p += w;
    n -= static_cast<size_t>(w);
  }
  return true;
}

bool ReadAll(int fd, char* p, size_t n) {
  while (n > 0) {
    ssize_t r = ::read(fd, p, n);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return false;
    p += r;
    n -= static_cast<size_t>(r);
  }
  return true;
}

// What killed a worker, for the failures sheet.
std::string DeathText(int status) {
  if (WIFSIGNALED(status)) {
    int sig = WTERMSIG(status);
    const char* name = sig == SIGSEGV ? "SIGSEGV" : sig == SIGABRT ? "SIGABRT" : sig == SIGBUS ? "SIGBUS"
                       : sig == SIGFPE ? "SIGFPE" : sig == SIGKILL ? "SIGKILL" : sig == SIGILL ? "SIGILL" : nullptr;
    return name ? fmt::format("signal {} {}", sig, name) : fmt::format("signal {}", sig);
  }
  if (WIFEXITED(status)) return fmt::format("exit {}", WEXITSTATUS(status));
  return "unknown";
}

// One worker process: takes project numbers on `tasks`, sends rows back on
// `rows`. A project that crashes or hangs takes only its worker with it.
struct Worker {
  pid_t pid = -1;
  int tasks = -1;  // the batch writes project numbers here
  int rows = -1;   // and reads rows here
  std::optional<size_t> task;
  std::chrono::steady_clock::time_point started;
  std::string got;  // a row's bytes as they arrive
};

void CloseWorker(Worker& w) {
  if (w.tasks >= 0) ::close(w.tasks);
  if (w.rows >= 0) ::close(w.rows);
  w.tasks = w.rows = -1;
}

// Removes what a killed worker left in a project's output folder: its
// scratch folder and temporary files (named with its process id).
void RemoveLeftovers(const fs::path& out, pid_t pid) {
  const std::string mark = ".tmp" + std::to_string(pid);
  std::error_code ec;
  for (const fs::path& dir : {out, out.parent_path()}) {
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      const std::string name = it->path().filename().string();
      if (name.size() >= mark.size() && name.compare(name.size() - mark.size(), mark.size(), mark) == 0) {
        std::error_code rm;
        fs::remove_all(it->path(), rm);
      }
    }
  }
}

}  // namespace

std::vector<std::string> FindProjects(const std::string& root, const std::string& skip,
                                      std::vector<std::string>* links) {
  std::vector<std::string> found;
  std::error_code ec;
  auto has_yaml = [&](const fs::path& dir) { return fs::is_regular_file(dir / "project.yaml", ec); };
  // An output folder inside the input folder holds the 自评表.xlsx files an
  // earlier run wrote: they are not submissions.
  std::error_code skip_ec;
  const fs::path skipped = skip.empty() ? fs::path() : fs::weakly_canonical(skip, skip_ec);
  if (has_yaml(root)) found.push_back(root);
  for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::path& p = it->path();
    // A symbolic link is not followed (the iterator does not descend into
    // one): a project or 自评表 behind it is listed in `links`.
    if (it->is_symlink(ec)) {
      const bool project = (it->is_directory(ec) && has_yaml(p)) ||
                           (IsSelfFormFileName(p.string()) && !has_yaml(p.parent_path()));
      if (project && links) links->push_back(p.string());
      continue;
    }
    if (it->is_directory(ec)) {
      std::error_code canon_ec;
      if (!skipped.empty() && p.filename() == skipped.filename() && fs::weakly_canonical(p, canon_ec) == skipped) {
        it.disable_recursion_pending();
        continue;
      }
      if (has_yaml(p)) found.push_back(p.string());
    } else if (it->is_regular_file(ec) && IsSelfFormFileName(p.string()) && !has_yaml(p.parent_path())) {
      // Only a regular file: a FIFO named like a 自评表 would block its reader.
      // A 自评表 beside a project.yaml belongs to that project (an input or an output).
      found.push_back(p.string());
    }
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  if (links) std::sort(links->begin(), links->end());
  return found;
}

// report.pdf for every report written, in one LibreOffice process: copies
// of the .docx files in a scratch folder of the output folder are converted
// together, and each PDF is renamed into its project's folder. A conversion
// that fails is the run's error; the reports stay.
void WritePdfs(const BatchOptions& opt, BatchOutcome& result) {
  std::vector<std::pair<fs::path, fs::path>> pending;  // scratch copy → project folder
  PendingFolder scratch((fs::path(opt.out) / ".pdf").string());
  for (const auto& row : result.rows) {
    if (!row.ok || row.report.empty()) continue;
    fs::path dir = fs::path(opt.out) / fs::path(row.report).parent_path();
    fs::path copy = fs::path(scratch.scratch()) / (std::to_string(pending.size()) + ".docx");
    std::error_code ec;
    fs::copy_file(dir / "report.docx", copy, ec);
    if (!ec) pending.emplace_back(copy, dir);
  }
  std::vector<std::string> docx;
  for (const auto& [copy, dir] : pending) docx.push_back(copy.string());
  try {
    ConvertDocxToPdf(docx, 60.0 + 10.0 * static_cast<double>(docx.size()));
  } catch (const InputError& e) {
    result.diagnostics.Append(e.diagnostics());
    result.exit = ExitCode::kBatchFailures;
    return;
  }
  for (const auto& [copy, dir] : pending) {
    std::error_code ec;
    fs::rename(fs::path(copy).replace_extension(".pdf"), dir / "report.pdf", ec);
  }
}

BatchOutcome RunBatch(const BatchOptions& opt, const BatchProgress& progress) {
  BatchOutcome result;
  result.language = opt.language;
  std::error_code ec;
  if (!fs::is_directory(opt.folder, ec)) {
    result.exit = ExitCode::kInput;
    result.refused = Pick(Format(msg::kBatchNotFolder, opt.folder), opt.language) + "\n";
    return result;
  }
  TemplateSet templates;  // one set, read by every worker
  try {
    if (opt.pdf && !opt.score_only) RequirePdfConverter();
    templates = LoadTemplates(opt.templates);
    if (!opt.reference_docx.empty()) UseReferenceDocx(templates, opt.reference_docx);
    result.diagnostics.Append(templates.warnings);
  } catch (const InputError& e) {
    result.exit = ExitCode::kInput;
    result.diagnostics.Append(e.diagnostics());
    return result;
  }
  // The archive, opened (and brought to this schema) once before the workers
  // start, so a bad --db refuses the run at once; each worker then opens its own.
  try {
    OpenArchive(opt.db);
  } catch (const InputError& e) {
    result.exit = ExitCode::kInput;
    result.diagnostics.Append(e.diagnostics());
    return result;
  }
  SystemCache systems;  // each system parsed once per worker
  // --indicators: one system for every project (loaded now: a broken one
  // would fail them all), or a folder of systems.
  std::string system_file, systems_folder;
  if (!opt.indicators.empty()) {
    if (fs::is_directory(opt.indicators, ec)) {
      systems_folder = opt.indicators;
    } else {
      std::string ext = fs::path(opt.indicators).extension().string();
      for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (!fs::is_regular_file(opt.indicators, ec) || (ext != ".yaml" && ext != ".yml")) {
        result.exit = ExitCode::kInput;
        result.refused = Pick(Format(msg::kBatchBadIndicators, opt.indicators), opt.language) + "\n";
        return result;
      }
      system_file = opt.indicators;
      try {
        systems.Get(system_file);
      } catch (const InputError& e) {
        result.exit = ExitCode::kInput;
        result.diagnostics.Append(e.diagnostics());
        return result;
      }
    }
  }
  // The batch folder and the folders named besides: what a project's paths may reach.
  auto allowed_folders = std::make_shared<AllowedFolders>(opt.allowed ? *opt.allowed : *DefaultAllowedFolders());
  allowed_folders->Add(opt.folder);
  if (!systems_folder.empty()) allowed_folders->Add(systems_folder);
  std::shared_ptr<const AllowedFolders> allowed = allowed_folders;
  std::vector<std::string> links;
  std::vector<std::string> dirs = FindProjects(opt.folder, opt.score_only ? "" : opt.out, &links);
  const size_t projects = dirs.size();
  std::vector<std::optional<BatchRow>> slots(projects + links.size());  // filled as projects finish
  // X自评表.xlsx and a folder X自评表/ would write to the same place: the
  // second one found is reported instead of overwriting the first's outputs.
  std::vector<std::string> clash(projects);
  if (!opt.score_only) {
    std::map<std::string, size_t> first;
    for (size_t i = 0; i < projects; ++i) {
      auto [at, fresh] = first.emplace(fs::path(BatchOutputRel(dirs[i], opt.folder)).lexically_normal().string(), i);
      if (!fresh) clash[i] = dirs[at->second];
    }
  }
  size_t finished = 0;
  const size_t total = slots.size();
  auto record = [&](size_t i, BatchRow row) {
    slots[i] = std::move(row);
    ++finished;
    if (progress) progress(finished, total, *slots[i]);
  };
  // Symbolic links found where projects are: listed as failures, not followed.
  for (size_t k = 0; k < links.size(); ++k) {
    BatchRow row;
    row.dir = links[k];
    row.error = Reason(links[k], msg::kBatchSymlink, "", opt.language);
    record(projects + k, std::move(row));
  }

  int jobs = opt.jobs > 0 ? opt.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  jobs = std::min<int>(jobs, static_cast<int>(std::max<size_t>(1, projects)));
  auto interrupted = [&] { return opt.interrupted && opt.interrupted->load(); };
  using Clock = std::chrono::steady_clock;
  const auto limit = std::chrono::duration<double>(opt.timeout_seconds);

  std::vector<Worker> workers(static_cast<size_t>(jobs));
  auto spawn = [&](Worker& w) -> bool {
    int down[2], up[2];
    if (::pipe(down) != 0) return false;
    if (::pipe(up) != 0) {
      ::close(down[0]);
      ::close(down[1]);
      return false;
    }
    pid_t parent = ::getpid();
    pid_t pid = ::fork();
    if (pid < 0) {
      for (int fd : {down[0], down[1], up[0], up[1]}) ::close(fd);
      return false;
    }
    if (pid == 0) {
      // The worker: the batch alone answers Ctrl-C and SIGTERM (it stops
      // the workers); a worker dies with the batch.
      ::signal(SIGINT, SIG_IGN);
      ::signal(SIGTERM, SIG_IGN);
#ifdef __linux__
      ::prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
      if (::getppid() != parent) ::_exit(0);
      for (Worker& other : workers)
        if (&other != &w) CloseWorker(other);
      ::close(down[1]);
      ::close(up[0]);
      // _exit runs no destructors: the workbooks' scratch folder goes first.
      auto leave = [] {
        ReleaseThreadScratchDir();
        ::_exit(0);
      };
      std::unique_ptr<Database> archive;
      for (;;) {
        uint64_t i;
        if (!ReadAll(down[0], reinterpret_cast<char*>(&i), sizeof i) || i >= projects) leave();
        std::string bytes = EncodeRow(
            RunOne(dirs[i], opt, templates, systems, clash[i], allowed, system_file, systems_folder, archive));
        uint64_t n = bytes.size();
        if (!WriteAll(up[1], reinterpret_cast<const char*>(&n), sizeof n) || !WriteAll(up[1], bytes.data(), bytes.size()))
          leave();
      }
    }
    ::close(down[0]);
    ::close(up[1]);
    w.pid = pid;
    w.tasks = down[1];
    w.rows = up[0];
    w.task.reset();
    w.got.clear();
    return true;
  };
  // Stops a worker for good: killed, reaped, its leftovers removed.
  auto stop = [&](Worker& w) -> int {
    int status = 0;
    if (w.pid > 0) {
      ::kill(w.pid, SIGKILL);
      while (::waitpid(w.pid, &status, 0) < 0 && errno == EINTR) {
      }
      if (w.task && !opt.score_only) RemoveLeftovers(fs::path(opt.out) / BatchOutputRel(dirs[*w.task], opt.folder), w.pid);
    }
    CloseWorker(w);
    w.pid = -1;
    return status;
  };
  // A worker died or hung on its project: that project fails with `why`.
  auto lose = [&](Worker& w, const std::string& why) {
    size_t i = *w.task;
    BatchRow row;
    row.dir = dirs[i];
    row.error = why;
    w.task.reset();
    record(i, std::move(row));
  };

  // SIGPIPE from a worker gone away is an error on write, not the batch's end.
  struct sigaction ignore {}, old_pipe {};
  ignore.sa_handler = SIG_IGN;
  sigemptyset(&ignore.sa_mask);
  ::sigaction(SIGPIPE, &ignore, &old_pipe);

  // --sync end: the workers (forked below) swap their sets in unflushed;
  // the whole run is flushed once, before the summary. Restored on return.
  struct SetSyncScope {
    SetSync was = CurrentSetSync();
    explicit SetSyncScope(bool deferred) {
      if (deferred) SetSetSync(SetSync::kDeferred);
    }
    ~SetSyncScope() { SetSetSync(was); }
  } set_sync(opt.sync_at_end && !opt.score_only);

  size_t next = 0;
  bool failed_to_start = false;
  Clock::time_point stop_by{};  // after an interrupt: when busy workers are killed
  for (;;) {
    const bool stopping = interrupted();
    if (stopping && stop_by == Clock::time_point{}) stop_by = Clock::now() + std::chrono::milliseconds(opt.grace_ms);
    // Hand out work to idle workers.
    for (Worker& w : workers) {
      if (stopping || next >= projects || w.task) continue;
      if (w.pid < 0 && !spawn(w)) {
        failed_to_start = true;
        continue;
      }
      uint64_t i = next;
      if (!WriteAll(w.tasks, reinterpret_cast<const char*>(&i), sizeof i)) {
        int status = stop(w);
        (void)status;
        continue;  // a fresh worker takes it next round
      }
      w.task = next++;
      w.started = Clock::now();
      w.got.clear();
    }
    bool busy = false;
    for (const Worker& w : workers) busy = busy || w.task.has_value();
    if (!busy && (stopping || next >= projects || failed_to_start)) break;

    // Wait for a row, a death, a time limit or an interrupt.
    std::vector<pollfd> fds;
    std::vector<Worker*> by_fd;
    auto now = Clock::now();
    double wait_ms = 100;  // the interrupt flag is looked at this often
    for (Worker& w : workers) {
      if (!w.task) continue;
      fds.push_back(pollfd{w.rows, POLLIN, 0});
      by_fd.push_back(&w);
      if (opt.timeout_seconds > 0) {
        double left = std::chrono::duration<double, std::milli>(w.started + limit - now).count();
        wait_ms = std::min(wait_ms, std::max(0.0, left));
      }
    }
    if (stopping) wait_ms = std::min(wait_ms, std::max(0.0, std::chrono::duration<double, std::milli>(stop_by - now).count()));
    int n = ::poll(fds.data(), fds.size(), static_cast<int>(std::ceil(wait_ms)));
    if (n < 0 && errno != EINTR) break;
    for (size_t k = 0; n > 0 && k < fds.size(); ++k) {
      if (!(fds[k].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      Worker& w = *by_fd[k];
      char buf[65536];
      ssize_t r = ::read(w.rows, buf, sizeof buf);
      if (r < 0 && errno == EINTR) continue;
      if (r <= 0) {
        // The worker is gone: a crash in the project (or a library under it).
        int status = stop(w);
        lose(w, Reason(dirs[*w.task], msg::kBatchCrashed, DeathText(status), opt.language));
        continue;
      }
      w.got.append(buf, static_cast<size_t>(r));
      uint64_t len;
      if (w.got.size() < sizeof len) continue;
      std::memcpy(&len, w.got.data(), sizeof len);
      if (w.got.size() - sizeof len < len) continue;
      size_t i = *w.task;
      std::optional<BatchRow> row = DecodeRow(w.got.substr(sizeof len, len), dirs[i]);
      w.task.reset();
      w.got.clear();
      if (!row) {
        stop(w);
        row = BatchRow{};
        row->dir = dirs[i];
        row->error = Reason(dirs[i], msg::kBatchCrashed, "bad reply", opt.language);
      }
      record(i, std::move(*row));
    }
    // Time limits, and an interrupt's grace run out.
    now = Clock::now();
    for (Worker& w : workers) {
      if (!w.task) continue;
      if (stopping && now >= stop_by) {
        stop(w);  // unfinished: not counted, its outputs removed
        w.task.reset();
      } else if (opt.timeout_seconds > 0 && now - w.started >= limit) {
        stop(w);
        lose(w, Reason(dirs[*w.task], msg::kBatchTimeout, fmt::format("{:g}", opt.timeout_seconds), opt.language));
      }
    }
  }
  for (Worker& w : workers) {
    if (w.pid < 0) continue;
    CloseWorker(w);  // an idle worker reads the end and leaves
    int status;
    while (::waitpid(w.pid, &status, 0) < 0 && errno == EINTR) {
    }
  }
  ::sigaction(SIGPIPE, &old_pipe, nullptr);
  if (failed_to_start && next < projects && !interrupted()) {
    // No process could be made (fork failed): the rest are failures, not silence.
    for (size_t i = 0; i < projects; ++i)
      if (!slots[i]) {
        BatchRow row;
        row.dir = dirs[i];
        row.error = Reason(dirs[i], msg::kBatchCrashed, std::strerror(errno), opt.language);
        record(i, std::move(row));
      }
  }

  // Keep the order the projects were found in; drop what an interrupt left undone.
  for (auto& slot : slots)
    if (slot) result.rows.push_back(std::move(*slot));
  result.interrupted = result.rows.size() < total;
  for (const auto& r : result.rows) (r.ok ? result.done : result.failed)++;
  for (const auto& row : result.rows) result.with_errors += row.ok && row.errors > 0 ? 1 : 0;
  if (opt.pdf && !opt.score_only && !result.interrupted) WritePdfs(opt, result);
  // --sync end: every set swapped in (and report.pdf) reaches the disk before
  // the summary is written; a summary is never there without its reports.
  if (opt.sync_at_end && !opt.score_only && fs::is_directory(opt.out, ec) && !SyncFolderFilesystem(opt.out)) {
    result.exit = ExitCode::kInput;
    result.diagnostics.Error(SourceLoc{opt.out}, "", msg::kCannotWrite, std::strerror(errno));
    return result;
  }
  if (opt.write_summary) {
    fs::create_directories(opt.out, ec);
    result.summary_path = (fs::path(opt.out) / "汇总.xlsx").string();
    try {
      RenderSummaryXlsx(result, result.summary_path);
    } catch (const InputError& e) {
      result.exit = ExitCode::kInput;
      result.diagnostics.Append(e.diagnostics());
      return result;
    }
    result.files.push_back(OutputFile{result.summary_path, ""});
  }
  if (result.interrupted) result.exit = ExitCode::kInterrupted;
  else if (result.failed || result.exit == ExitCode::kBatchFailures) result.exit = ExitCode::kBatchFailures;
  else if (result.with_errors) result.exit = ExitCode::kFindings;
  return result;
}

}  // namespace jixiao

#include "serve/server.h"

#include "render/pdf/convert_pdf.h"

#include <Poco/Net/DNS.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/ThreadPool.h>
#include <Poco/URI.h>
#include <Poco/Zip/Compress.h>
#include <fmt/format.h>
#include <signal.h>

#include <algorithm>
#include <charconv>
#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <thread>

#include "base/atomic_file.h"
#include "base/messages.h"
#include "commands/archive_step.h"
#include "commands/history.h"
#include "render/render.h"
#include "render/render_history.h"
#include "render/xlsx/render_summary_xlsx.h"
#include "serve/assets.h"
#include "serve/http_guard.h"
#include "serve/http_reply.h"
#include "serve/job_store.h"
#include "serve/process_upload.h"
#include "serve/start_project.h"
#include "serve/upload_form.h"

namespace fs = std::filesystem;
using Poco::Net::HTTPResponse;
using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;

namespace jixiao {
namespace {

constexpr const char* kCookie = "jixiao_session";
constexpr const char* kTokenHeader = "X-Jixiao-Token";
constexpr std::size_t kMaxSessions = 10000;
constexpr std::size_t kServeHistoryLimit = 10000;  // rows of 审核改动的报送 one question of the page lists at most

class Sessions {
 public:
  explicit Sessions(std::chrono::minutes keep) : keep_(keep) {}
  std::string Create() {
    std::string token = RandomId();
    std::lock_guard<std::mutex> lock(mu_);
    if (seen_.size() >= kMaxSessions) ExpireLocked();
    if (seen_.size() >= kMaxSessions)  // still full: the one unused longest goes
      seen_.erase(std::min_element(seen_.begin(), seen_.end(),
                                   [](const auto& a, const auto& b) { return a.second < b.second; }));
    seen_[token] = std::chrono::steady_clock::now();
    return token;
  }
  bool Valid(const std::string& token) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = seen_.find(token);
    if (it == seen_.end()) return false;
    it->second = std::chrono::steady_clock::now();
    return true;
  }
  void Expire() {
    std::lock_guard<std::mutex> lock(mu_);
    ExpireLocked();
  }

 private:
  void ExpireLocked() {
    const auto now = std::chrono::steady_clock::now();
    for (auto it = seen_.begin(); it != seen_.end();) it = now - it->second > keep_ ? seen_.erase(it) : std::next(it);
  }
  std::chrono::minutes keep_;
  std::mutex mu_;
  std::map<std::string, std::chrono::steady_clock::time_point> seen_;
};

std::vector<std::string> SplitPath(const std::string& path) {
  std::vector<std::string> parts;
  std::string cur;
  for (char c : path) {
    if (c == '/') {
      if (!cur.empty()) parts.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) parts.push_back(cur);
  return parts;
}

bool IsNumber(const std::string& s) {
  return !s.empty() && s.size() < 10 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

struct Server::Impl {
  ServeOptions opt;
  Poco::Net::ServerSocket socket;
  std::vector<std::string> hosts;
  TemplateSet templates;
  std::unique_ptr<JobStore> jobs;
  Sessions sessions;
  Poco::ThreadPool pool;
  std::unique_ptr<Poco::Net::HTTPServer> http;
  std::thread sweeper;
  std::mutex sweep_mu;
  std::condition_variable sweep_cv;
  bool stopping = false;
  bool started = false;

  explicit Impl(const ServeOptions& o)
      : opt(o), sessions(std::chrono::minutes(o.keep_minutes)), pool(1, std::max(1, o.threads)) {}

  void Handle(HTTPServerRequest& req, HTTPServerResponse& resp);
  void Route(HTTPServerRequest& req, HTTPServerResponse& resp, const std::string& session, Language lang);
  void Page(HTTPServerResponse& resp, const std::string& session);
  void UploadFiles(HTTPServerRequest& req, HTTPServerResponse& resp, const std::string& session);
  void StartProject(HTTPServerRequest& req, HTTPServerResponse& resp, const std::string& session);
  void History(HTTPServerRequest& req, HTTPServerResponse& resp, const std::string& session, Language lang, bool xlsx);
  void JobRoute(HTTPServerRequest& req, HTTPServerResponse& resp, const std::vector<std::string>& parts,
                const std::string& session, Language lang);
};

namespace {

struct Handler : Poco::Net::HTTPRequestHandler {
  explicit Handler(Server::Impl& s) : server(s) {}
  void handleRequest(HTTPServerRequest& req, HTTPServerResponse& resp) override { server.Handle(req, resp); }
  Server::Impl& server;
};

struct Factory : Poco::Net::HTTPRequestHandlerFactory {
  explicit Factory(Server::Impl& s) : server(s) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const HTTPServerRequest&) override { return new Handler(server); }
  Server::Impl& server;
};

}  // namespace

void Server::Impl::Handle(HTTPServerRequest& req, HTTPServerResponse& resp) {
  // Every answer: no sniffing, no framing by others, no caching (results
  // are one session's), no referrer leaving the page.
  resp.set("X-Content-Type-Options", "nosniff");
  resp.set("X-Frame-Options", "SAMEORIGIN");
  resp.set("Referrer-Policy", "no-referrer");
  resp.set("Cache-Control", "no-store");
  resp.set("Content-Security-Policy", kPagePolicy);
  const Language lang = ParseLanguage(Poco::URI(req.getURI()).getQuery().find("lang=en") != std::string::npos
                                          ? "en"
                                          : req.get("X-Jixiao-Lang", "zh"));
  try {
    if (!HostAllowed(req.getHost(), hosts)) {
      resp.setKeepAlive(false);
      return SendError(resp, HTTPResponse::HTTP_MISDIRECTED_REQUEST, Format(msg::kServeBadHost, req.getHost()), lang);
    }
    const std::string origin = req.get("Origin", "");
    if (!origin.empty() && !OriginAllowed(origin, hosts)) {
      resp.setKeepAlive(false);
      return SendError(resp, HTTPResponse::HTTP_FORBIDDEN, Format(msg::kServeBadOrigin, origin), lang);
    }
    std::string session = CookieValue(req.get("Cookie", ""), kCookie);
    if (!session.empty() && !sessions.Valid(session)) session.clear();
    if (req.getMethod() == "POST") {
      // A page elsewhere can make a browser post here, but cannot read the
      // token that this server's page holds: the header must match the cookie.
      if (session.empty() || !SameToken(req.get(kTokenHeader, ""), session)) {
        resp.setKeepAlive(false);
        return SendError(resp, HTTPResponse::HTTP_FORBIDDEN, Format(msg::kServeBadToken), lang);
      }
      if (req.getContentLength64() != HTTPServerRequest::UNKNOWN_CONTENT_LENGTH &&
          static_cast<std::uint64_t>(req.getContentLength64()) > opt.limits.max_request_bytes) {
        resp.setKeepAlive(false);  // the body is not read
        return SendError(resp, HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE,
                         Format(msg::kServeRequestTooLarge, opt.limits.max_request_bytes), lang);
      }
    }
    Route(req, resp, session, lang);
  } catch (const std::exception&) {
    // Never a trace to the client: the commands turn bad input into
    // diagnostics, so what reaches here is the server's own trouble.
    resp.setKeepAlive(false);
    if (!resp.sent()) SendError(resp, HTTPResponse::HTTP_INTERNAL_SERVER_ERROR, Format(msg::kServeBusy), lang);
  }
}

void Server::Impl::Route(HTTPServerRequest& req, HTTPServerResponse& resp, const std::string& session, Language lang) {
  const std::string path = Poco::URI(req.getURI()).getPath();
  const std::string& method = req.getMethod();
  const auto parts = SplitPath(path);
  if (method == "GET" && (path == "/" || path == "/start")) return Page(resp, session);
  if (method == "GET" && parts.size() == 1 && ServeAsset(parts[0])) {
    resp.set("Cache-Control", "no-cache");
    return Send(resp, HTTPResponse::HTTP_OK, ContentTypeOf(parts[0]), *ServeAsset(parts[0]));
  }
  if (method == "GET" && path == "/api/systems") return SendJson(resp, BundledSystemsJson());
  if (method == "POST" && path == "/api/upload") return UploadFiles(req, resp, session);
  if (method == "POST" && path == "/api/init") return StartProject(req, resp, session);
  if (method == "GET" && (path == "/api/history" || path == "/api/history.xlsx"))
    return History(req, resp, session, lang, path == "/api/history.xlsx");
  if (method == "GET" && parts.size() >= 3 && parts[0] == "api" && parts[1] == "jobs")
    return JobRoute(req, resp, parts, session, lang);
  SendError(resp, HTTPResponse::HTTP_NOT_FOUND, Format(msg::kServeNotFound, opt.keep_minutes), lang);
}

void Server::Impl::Page(HTTPServerResponse& resp, const std::string& session) {
  // A second tab of the same browser keeps its session, so the first tab's token stays good.
  const std::string token = session.empty() ? sessions.Create() : session;
  Poco::Net::HTTPCookie cookie(kCookie, token);
  cookie.setPath("/");
  cookie.setHttpOnly(true);
  cookie.setSameSite(Poco::Net::HTTPCookie::SAME_SITE_STRICT);
  resp.addCookie(cookie);
  std::string page = *ServeAsset("index.html");
  for (const auto& [mark, value] : {std::pair<std::string, std::string>{"{{token}}", token},
                                     {"{{keep}}", std::to_string(opt.keep_minutes)},
                                     {"{{history}}", opt.db.empty() ? "" : "1"}})
    page.replace(page.find(mark), mark.size(), value);
  Send(resp, HTTPResponse::HTTP_OK, "text/html; charset=utf-8", page);
}

void Server::Impl::UploadFiles(HTTPServerRequest& req, HTTPServerResponse& resp, const std::string& session) {
  Poco::Net::HTMLForm form;
  std::vector<Upload> files;
  Language lang = Language::kChinese;
  try {
    files = ReadUploadForm(req, form, opt.limits);
    lang = ParseLanguage(form.get("lang", "zh"));
  } catch (const UploadRefused& over) {
    resp.setKeepAlive(false);
    return SendError(resp, over.status, over.text, ParseLanguage(req.get("X-Jixiao-Lang", "zh")));
  } catch (const Poco::Exception& e) {
    resp.setKeepAlive(false);
    const std::string what = e.displayText();
    const bool fields = what.find("field") != std::string::npos;
    return SendError(resp, HTTPResponse::HTTP_BAD_REQUEST,
                     fields ? Format(msg::kServeTooManyFields, opt.limits.max_fields) : Format(msg::kServeBadForm, what),
                     ParseLanguage(req.get("X-Jixiao-Lang", "zh")));
  }
  if (files.empty()) return SendError(resp, HTTPResponse::HTTP_BAD_REQUEST, Format(msg::kServeNoFiles), lang);
  std::shared_ptr<Job> job;
  if (form.has("job")) job = jobs->Find(form.get("job"), session);
  if (!job) job = jobs->Create(session);
  std::string results;
  for (const auto& u : files) {
    ProcessedUpload p =
        ProcessUpload(u, templates, opt.limits, lang, ParseUploadWork(form.get("work", "")), opt.pdf, opt.db);
    std::lock_guard<std::mutex> lock(job->mu);
    std::vector<DownloadRef> refs;
    const std::string group = fmt::format("{}-{}", job->results.size() + 1, fs::path(p.name).stem().string());
    for (const auto& f : p.outputs) {
      std::size_t id = jobs->Store(*job, f.path, f.bytes, group);
      refs.push_back(DownloadRef{id, f.path, job->files[id].size});
    }
    std::string json = ProcessedUploadJson(p, refs);
    job->results.push_back(json);
    job->summary.rows.push_back(p.row);
    (p.row.ok ? job->summary.done : job->summary.failed) += 1;
    results += (results.empty() ? "" : ",") + json;
  }
  std::size_t count;
  {
    std::lock_guard<std::mutex> lock(job->mu);
    count = job->results.size();
  }
  SendJson(resp, fmt::format("{{\"job\": {}, \"count\": {}, \"results\": [{}]}}\n", JsonString(job->id), count, results));
}

void Server::Impl::StartProject(HTTPServerRequest& req, HTTPServerResponse& resp, const std::string& session) {
  Poco::Net::HTMLForm form;
  std::vector<Upload> files;
  Language lang = ParseLanguage(req.get("X-Jixiao-Lang", "zh"));
  try {
    files = ReadUploadForm(req, form, opt.limits);
    lang = ParseLanguage(form.get("lang", "zh"));
  } catch (const UploadRefused& over) {
    resp.setKeepAlive(false);
    return SendError(resp, over.status, over.text, lang);
  } catch (const Poco::Exception& e) {
    resp.setKeepAlive(false);
    return SendError(resp, HTTPResponse::HTTP_BAD_REQUEST, Format(msg::kServeBadForm, e.displayText()), lang);
  }
  std::shared_ptr<Job> job = jobs->Create(session);
  std::lock_guard<std::mutex> lock(job->mu);
  StartedProject started = StartProjectFiles(form.get("system", ""), files.empty() ? nullptr : &files[0],
                                             job->dir + "/init", lang);
  std::string downloads;
  for (const auto& f : started.outputs) {
    std::size_t id = jobs->Store(*job, f.path, f.bytes);
    downloads += fmt::format("{}{{\"id\": {}, \"name\": {}, \"size\": {}}}", downloads.empty() ? "" : ",", id,
                             JsonString(f.path), job->files[id].size);
  }
  SendJson(resp, fmt::format("{{\"job\": {}, \"refused\": {}, \"diagnostics\": {}, \"summary\": {}, \"downloads\": [{}]}}\n",
                             JsonString(job->id), started.refused ? "true" : "false", JsonString(started.diagnostics),
                             JsonString(started.summary), downloads));
}

void Server::Impl::History(HTTPServerRequest& req, HTTPServerResponse& resp, const std::string& session,
                           Language lang, bool xlsx) {
  if (opt.db.empty()) return SendError(resp, HTTPResponse::HTTP_NOT_FOUND, Format(msg::kServeNotFound, opt.keep_minutes), lang);
  // The archive is every session's, so what it holds goes only to this
  // server's page: the session's cookie and its token in a header, as a POST.
  if (session.empty() || !SameToken(req.get(kTokenHeader, ""), session))
    return SendError(resp, HTTPResponse::HTTP_FORBIDDEN, Format(msg::kServeBadToken), lang);
  Poco::Net::NameValueCollection query;
  for (const auto& [k, v] : Poco::URI(req.getURI()).getQueryParameters()) query.set(k, v);
  const std::string question = query.get("question", "project");
  HistoryRequest h;
  h.db = opt.db;
  h.language = lang;
  h.json = true;
  h.question = question == "department" ? HistoryQuestion::kDepartment
               : question == "system"   ? HistoryQuestion::kSystem
               : question == "revised"  ? HistoryQuestion::kRevised
                                        : HistoryQuestion::kProject;
  h.subject = query.get("subject", "");
  h.year = query.get("year", "");
  h.department = query.get("department", "");
  // 审核改动的报送: at most `limit` (1 to kServeHistoryLimit; the page's field).
  if (const std::string limit = query.get("limit", ""); !limit.empty()) {
    size_t n = 0;
    const auto [end, ec] = std::from_chars(limit.data(), limit.data() + limit.size(), n);
    if (ec != std::errc() || end != limit.data() + limit.size() || n == 0) {
      Text t = Format(msg::kExpectedNumber, limit);
      t.zh = "limit（至多列出）：" + t.zh;
      t.en = "limit: " + t.en;
      return SendError(resp, HTTPResponse::HTTP_BAD_REQUEST, t, lang);
    }
    h.limit = std::min(n, kServeHistoryLimit);
  }
  std::string path;
  if (xlsx) path = fmt::format("{}/history-{}.xlsx", jobs->Folder(), RandomId());
  h.xlsx = path;
  HistoryOutcome out = RunHistory(h);
  if (out.Refused()) {
    std::error_code ec;
    if (!path.empty()) fs::remove(path, ec);
    // What went wrong, without where: the page is not told the archive's path.
    std::string text;
    for (const auto& d : out.diagnostics.All()) text += (text.empty() ? "" : "\n") + Pick(d.message, lang);
    return SendJson(resp, fmt::format("{{\"error\": {}}}\n", JsonString(text)), HTTPResponse::HTTP_BAD_REQUEST);
  }
  if (!xlsx)
    return SendJson(resp, fmt::format("{{\"answer\": {}, \"tables\": {}}}\n", out.text, RenderHistoryTablesJson(out.tables)));
  static const std::map<std::string, std::string> names = {
      {"project", "项目历年得分"}, {"department", "主管部门的项目"}, {"system", "指标体系得分分布"}, {"revised", "审核改动的报送"}};
  auto name = names.find(question);
  SendStoredFile(resp, path, (name == names.end() ? names.at("project") : name->second) + ".xlsx", false);
  std::error_code ec;
  fs::remove(path, ec);
}

void Server::Impl::JobRoute(HTTPServerRequest& req, HTTPServerResponse& resp, const std::vector<std::string>& parts,
                            const std::string& session, Language lang) {
  std::shared_ptr<Job> job = jobs->Find(parts[2], session);
  auto missing = [&] {
    SendError(resp, HTTPResponse::HTTP_NOT_FOUND, Format(msg::kServeNotFound, opt.keep_minutes), lang);
  };
  if (!job) return missing();
  std::unique_lock<std::mutex> lock(job->mu);
  if (parts.size() == 3) {
    std::string all;
    for (const auto& r : job->results) all += (all.empty() ? "" : ",") + r;
    return SendJson(resp, fmt::format("{{\"job\": {}, \"count\": {}, \"results\": [{}]}}\n", JsonString(job->id),
                                      job->results.size(), all));
  }
  const std::string& what = parts[3];
  if (what == "files" && parts.size() == 5 && IsNumber(parts[4])) {
    std::size_t n = std::stoul(parts[4]);
    if (n >= job->files.size()) return missing();
    const StoredFile f = job->files[n];
    lock.unlock();
    const bool view = Poco::URI(req.getURI()).getQuery().find("view=1") != std::string::npos;
    return SendStoredFile(resp, f.path, f.name, view);
  }
  if (what == "summary.xlsx" && parts.size() == 4) {
    // Written anew each time: more files may have come since.
    const std::string path = job->dir + "/summary.xlsx";
    RenderSummaryXlsx(job->summary, path);
    return SendStoredFile(resp, path, "汇总.xlsx", false);
  }
  if (what == "all.zip" && parts.size() == 4) {
    const std::string path = job->dir + "/all.zip";
    {
      PendingFile pending(path);
      {
        std::ofstream out(pending.temp_path(), std::ios::binary);
        Poco::Zip::Compress zip(out, true);
        // Each upload's outputs under a folder of its own: "1-某局自评表/report.html".
        for (const auto& f : job->files) {
          std::ifstream in(f.path, std::ios::binary);
          const std::string entry = f.group.empty() ? f.name : f.group + "/" + f.name;
          zip.addFile(in, Poco::DateTime(), Poco::Path(entry, Poco::Path::PATH_UNIX), Poco::Zip::ZipCommon::CM_DEFLATE);
        }
        RenderSummaryXlsx(job->summary, job->dir + "/summary.xlsx");
        std::ifstream in(job->dir + "/summary.xlsx", std::ios::binary);
        zip.addFile(in, Poco::DateTime(), Poco::Path("汇总.xlsx", Poco::Path::PATH_UNIX), Poco::Zip::ZipCommon::CM_DEFLATE);
        zip.close();
      }
      pending.Commit();
    }
    return SendStoredFile(resp, path, "jixiao.zip", false);
  }
  missing();
}

Server::Server(const ServeOptions& opt) : impl_(std::make_unique<Impl>(opt)) {
  Impl& s = *impl_;
  try {
    s.socket.bind(Poco::Net::SocketAddress(opt.bind, static_cast<Poco::UInt16>(opt.port)), /*reuseAddress=*/true);
    s.socket.listen(opt.queue);
  } catch (const Poco::Exception& e) {
    throw std::runtime_error(Pick(Format(msg::kServeCannotStart, fmt::format("{}:{}", opt.bind, opt.port), e.displayText()),
                                  opt.language));
  }
  std::vector<std::string> extra = opt.allow_hosts;
  if (opt.bind == "0.0.0.0" || opt.bind == "::") {  // reached by the machine's own name too
    try {
      extra.push_back(Poco::Net::DNS::hostName() + ":" + std::to_string(Port()));
    } catch (const Poco::Exception&) {
    }
  }
  s.hosts = AllowedHosts(opt.bind, Port(), extra);
  try {
    if (opt.pdf) RequirePdfConverter();
    s.templates = LoadTemplates(opt.templates);
    OpenArchive(opt.db);  // refused here, not at the first upload; each request opens its own
  } catch (const InputError& e) {
    std::string text;
    for (const auto& d : e.diagnostics().All()) text += RenderDiagnostic(d, opt.language);
    throw std::runtime_error(text);
  }
  s.jobs = std::make_unique<JobStore>(opt.data, std::chrono::minutes(opt.keep_minutes));
}

Server::~Server() { Stop(); }

void Server::Start() {
  Impl& s = *impl_;
  auto* params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(std::max(1, s.opt.threads));
  params->setMaxQueued(std::max(1, s.opt.queue));
  params->setTimeout(Poco::Timespan(s.opt.timeout_seconds, 0));
  // A kept-alive connection holds its thread while it waits for the next
  // request (Poco's HTTPServerConnection): one browser's six idle
  // connections would take every thread. Each answer closes its connection.
  params->setKeepAlive(false);
  s.http = std::make_unique<Poco::Net::HTTPServer>(new Factory(s), s.pool, s.socket, params);
  s.http->start();
  s.started = true;
  s.sweeper = std::thread([&s] {
    std::unique_lock<std::mutex> lock(s.sweep_mu);
    while (!s.sweep_cv.wait_for(lock, std::chrono::minutes(1), [&s] { return s.stopping; })) {
      s.jobs->Expire();
      s.sessions.Expire();
    }
  });
}

void Server::Stop() {
  Impl& s = *impl_;
  if (!s.started) return;
  s.started = false;
  {
    std::lock_guard<std::mutex> lock(s.sweep_mu);
    s.stopping = true;
  }
  s.sweep_cv.notify_all();
  if (s.sweeper.joinable()) s.sweeper.join();
  // Stop accepting; a connection finishes the request it is serving, so a
  // result being stored is stored whole before everything is deleted.
  s.http->stopAll(false);
  s.pool.joinAll();
  s.jobs->Close();
}

int Server::Port() const { return impl_->socket.address().port(); }

std::string Server::Url() const {
  const std::string& b = impl_->opt.bind;
  const std::string host = b == "0.0.0.0" ? "127.0.0.1" : b == "::" ? "[::1]" : b.find(':') != std::string::npos ? "[" + b + "]" : b;
  return fmt::format("http://{}:{}/", host, Port());
}

const std::string& Server::Folder() const { return impl_->jobs->Folder(); }
std::size_t Server::Jobs() const { return impl_->jobs->Count(); }
std::size_t Server::ExpireNow() {
  impl_->sessions.Expire();
  return impl_->jobs->Expire();
}

int RunServe(const ServeOptions& opt, std::ostream& out, std::ostream& err) {
  // Blocked before any thread starts, so every thread inherits the mask and
  // the signals wait for sigwait below instead of killing the process.
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGINT);
  sigaddset(&stop, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop, nullptr);
  try {
    Server server(opt);
    server.Start();
    if (opt.bind != "127.0.0.1" && opt.bind != "::1" && opt.bind != "localhost")
      err << Pick(Format(msg::kServeExposed, opt.bind), opt.language) << "\n";
    out << Pick(Format(msg::kServeListening, server.Url()), opt.language) << std::endl;
    int sig = 0;
    sigwait(&stop, &sig);
    server.Stop();
    out << Pick(Format(msg::kServeStopped), opt.language) << std::endl;
    return 0;
  } catch (const std::exception& e) {
    err << e.what() << "\n";
    return 2;
  }
}

}  // namespace jixiao

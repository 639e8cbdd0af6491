// jixiao serve at the HTTP level: a server on a free port, spoken to with
// Poco's client as a browser (or a hostile page) would — the guard's rules
// (Host, Origin, token), the upload limits, and an uploaded 自评表 answered
// with what the commands give for the same bytes.
#include <Poco/Data/Session.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>
#include <Poco/Zip/Compress.h>
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>
#include <sstream>
#include <thread>
#include <atomic>

#include "archive/database.h"
#include "base/read_file.h"
#include "commands/check.h"
#include "commands/history.h"
#include "commands/report.h"
#include "commands/score.h"
#include "form_fixtures.h"
#include "libreoffice.h"
#include "render/render.h"
#include "serve/http_guard.h"
#include "serve/server.h"
#include "serve/upload.h"
#include "test_util.h"

namespace fs = std::filesystem;
using namespace jixiao;
using jixiao::testing::TempDir;
using Poco::Net::HTTPRequest;
using Poco::Net::HTTPResponse;

namespace {

struct Reply {
  int status = 0;
  std::string body;
  Poco::Net::HTTPResponse head;
};

struct Part {
  std::string field, filename, bytes;
};

// A multipart/form-data body as a browser sends it.
std::string Multipart(const std::vector<Part>& parts, const std::string& boundary) {
  std::string body;
  for (const auto& p : parts) {
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.field + "\"";
    if (!p.filename.empty()) body += "; filename=\"" + p.filename + "\"\r\nContent-Type: application/octet-stream";
    body += "\r\n\r\n" + p.bytes + "\r\n";
  }
  return body + "--" + boundary + "--\r\n";
}

// A client of one server: keeps the session (cookie and token) the page gave.
class Client {
 public:
  explicit Client(int port) : port_(port), host_("127.0.0.1:" + std::to_string(port)) {}

  Reply Get(const std::string& uri, const std::string& host = "") {
    HTTPRequest req(HTTPRequest::HTTP_GET, uri, HTTPRequest::HTTP_1_1);
    req.setHost(host.empty() ? host_ : host);
    if (!cookie_.empty()) req.set("Cookie", cookie_);
    return Send(req, "");
  }

  // A GET as the page's script sends it: the session's token in a header
  // (the history endpoints ask for it), in `lang`.
  Reply GetWithToken(const std::string& uri, const std::string& token = "\x01", const std::string& lang = "zh") {
    HTTPRequest req(HTTPRequest::HTTP_GET, uri, HTTPRequest::HTTP_1_1);
    req.setHost(host_);
    if (!cookie_.empty()) req.set("Cookie", cookie_);
    std::string t = token == "\x01" ? token_ : token;
    if (!t.empty()) req.set("X-Jixiao-Token", t);
    req.set("X-Jixiao-Lang", lang);
    return Send(req, "");
  }

  // Opens the page: the session's cookie and token.
  void Open() {
    Reply r = Get("/");
    REQUIRE(r.status == 200);
    std::vector<Poco::Net::HTTPCookie> cookies;
    r.head.getCookies(cookies);
    REQUIRE(cookies.size() == 1);
    token_ = cookies[0].getValue();
    cookie_ = cookies[0].getName() + "=" + token_;
    CHECK(r.body.find(token_) != std::string::npos);  // the page holds the token
  }

  Reply Post(const std::string& uri, const std::vector<Part>& parts, const std::string& token = "\x01",
             const std::string& origin = "\x01") {
    const std::string boundary = "----jixiaotest";
    HTTPRequest req(HTTPRequest::HTTP_POST, uri, HTTPRequest::HTTP_1_1);
    req.setHost(host_);
    req.setContentType("multipart/form-data; boundary=" + boundary);
    if (!cookie_.empty()) req.set("Cookie", cookie_);
    std::string t = token == "\x01" ? token_ : token;
    if (!t.empty()) req.set("X-Jixiao-Token", t);
    std::string o = origin == "\x01" ? "http://" + host_ : origin;
    if (!o.empty()) req.set("Origin", o);
    return Send(req, Multipart(parts, boundary));
  }

  // A request that announces more body than the limit and sends none.
  Reply PostAnnouncing(std::uint64_t length) {
    HTTPRequest req(HTTPRequest::HTTP_POST, "/api/upload", HTTPRequest::HTTP_1_1);
    req.setHost(host_);
    req.setContentType("multipart/form-data; boundary=x");
    req.setContentLength64(static_cast<Poco::Int64>(length));
    req.set("Cookie", cookie_);
    req.set("X-Jixiao-Token", token_);
    Poco::Net::HTTPClientSession s("127.0.0.1", static_cast<Poco::UInt16>(port_));
    s.sendRequest(req);
    Reply r;
    std::istream& in = s.receiveResponse(r.head);
    Poco::StreamCopier::copyToString(in, r.body);
    r.status = r.head.getStatus();
    return r;
  }

  const std::string& token() const { return token_; }
  const std::string& host() const { return host_; }

 private:
  Reply Send(HTTPRequest& req, const std::string& body) {
    Poco::Net::HTTPClientSession s("127.0.0.1", static_cast<Poco::UInt16>(port_));
    s.setTimeout(Poco::Timespan(60, 0));
    if (!body.empty()) req.setContentLength(static_cast<std::streamsize>(body.size()));
    s.sendRequest(req) << body;
    Reply r;
    std::istream& in = s.receiveResponse(r.head);
    Poco::StreamCopier::copyToString(in, r.body);
    r.status = r.head.getStatus();
    return r;
  }

  int port_;
  std::string host_, cookie_, token_;
};

ServeOptions TestOptions(const std::string& data) {
  ServeOptions opt;
  opt.port = 0;
  opt.data = data;
  opt.threads = 4;
  return opt;
}

// A filled 自评表 whose first row's score is 18 where its rule gives 20.
std::string FormWithFinding(const TempDir& tmp) {
  jixiao::testing::FormSpec spec;
  spec.rows[0].score = "18";
  spec.total_score = "98";
  spec.grade_text = "自评等级：优";
  const std::string path = tmp.path() + "/form.xlsx";
  jixiao::testing::WriteForm(path, spec);
  return *ReadFileBytes(path);
}

// The value of "key": "…" (or a number) at its first appearance after `from`.
std::string JsonField(const std::string& json, const std::string& key, size_t from = 0) {
  size_t at = json.find("\"" + key + "\": ", from);
  if (at == std::string::npos) return "";
  at += key.size() + 4;
  if (json[at] == '"') return json.substr(at + 1, json.find('"', at + 1) - at - 1);
  return json.substr(at, json.find_first_of(",}]", at) - at);
}

}  // namespace

TEST_CASE("serve: a client's file name never becomes a path") {
  CHECK(SafeUploadName("../../etc/passwd") == "passwd");
  CHECK(SafeUploadName("C:\\Users\\a\\某局自评表.xlsx") == "某局自评表.xlsx");
  CHECK(SafeUploadName(".bashrc") == "bashrc");
  CHECK(SafeUploadName("..") == "upload");
  CHECK(SafeUploadName("") == "upload");
  CHECK(SafeUploadName("a\nb\x01" "c.xlsx") == "abc.xlsx");
  CHECK(SafeUploadName("x\xE2\x80\xAEslx.exe") == "xslx.exe");  // no right-to-left override
  CHECK(SafeUploadName("评分表（2024）.xlsx") == "评分表（2024）.xlsx");
  CHECK(SafeUploadName(std::string(300, 'a')).size() == 120);
}

TEST_CASE("serve: Host, Origin and cookie rules") {
  auto hosts = AllowedHosts("127.0.0.1", 8080, {"desk.example.org"});
  CHECK(HostAllowed("127.0.0.1:8080", hosts));
  CHECK(HostAllowed("LOCALHOST:8080", hosts));
  CHECK(HostAllowed("desk.example.org", hosts));
  CHECK(HostAllowed("desk.example.org:443", hosts));
  CHECK_FALSE(HostAllowed("127.0.0.1:8081", hosts));
  CHECK_FALSE(HostAllowed("evil.example:8080", hosts));  // a rebound name
  CHECK_FALSE(HostAllowed("", hosts));
  CHECK(OriginAllowed("http://127.0.0.1:8080", hosts));
  CHECK(OriginAllowed("https://desk.example.org", hosts));
  CHECK_FALSE(OriginAllowed("http://evil.example:8080", hosts));
  CHECK_FALSE(OriginAllowed("null", hosts));
  CHECK(AllowedHosts("192.168.1.5", 80, {}).size() == 1);  // not loopback: no localhost
  CHECK(HostAllowed("127.0.0.1:80", AllowedHosts("0.0.0.0", 80, {})));  // every interface, loopback too
  CHECK_FALSE(HostAllowed("192.168.1.5:80", AllowedHosts("0.0.0.0", 80, {})));  // others by --allow-host
  CHECK(CookieValue("a=1; jixiao_session=abc; b=2", "jixiao_session") == "abc");
  CHECK(CookieValue("xjixiao_session=abc", "jixiao_session") == "");
  CHECK(SameToken("abc", "abc"));
  CHECK_FALSE(SameToken("abc", "abd"));
  CHECK_FALSE(SameToken("", ""));
}

TEST_CASE("serve: the page, its headers, and requests refused by the guard") {
  TempDir data;
  Server server(TestOptions(data.path()));
  server.Start();
  REQUIRE(server.Port() > 0);
  CHECK(server.Url() == "http://127.0.0.1:" + std::to_string(server.Port()) + "/");
  struct stat st {};
  REQUIRE(stat(server.Folder().c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0700);

  Client c(server.Port());
  Reply page = c.Get("/");
  CHECK(page.status == 200);
  CHECK(page.head.get("Content-Security-Policy").find("default-src 'none'") != std::string::npos);
  CHECK(page.head.get("X-Content-Type-Options") == "nosniff");
  CHECK(page.head.get("Cache-Control") == "no-store");
  CHECK(page.body.find("app.js") != std::string::npos);
  CHECK(c.Get("/app.js").status == 200);
  CHECK(c.Get("/nothing").status == 404);

  // DNS rebinding: the page of another name, resolved to 127.0.0.1.
  CHECK(c.Get("/", "evil.example:" + std::to_string(server.Port())).status == 421);

  c.Open();
  const Part file{"files", "a.xlsx", "PK"};
  CHECK(c.Post("/api/upload", {file}, /*token=*/"").status == 403);              // no token
  CHECK(c.Post("/api/upload", {file}, std::string(32, '0')).status == 403);     // a wrong one
  CHECK(c.Post("/api/upload", {file}, "\x01", "http://evil.example").status == 403);  // another page
  Client stranger(server.Port());  // no session at all
  CHECK(stranger.Post("/api/upload", {file}, c.token()).status == 403);
  // The page opened again in the same browser (another tab) keeps the session and its token.
  Reply again = c.Get("/");
  CHECK(again.body.find(c.token()) != std::string::npos);
  // With the page's session: accepted, and a file that is no workbook refused in the result.
  Reply ok = c.Post("/api/upload", {file});
  CHECK(ok.status == 200);
  CHECK(ok.body.find("\"refused\": true") != std::string::npos);
}

TEST_CASE("serve: upload limits: body, file size, file count, fields, zip bomb") {
  TempDir data;
  ServeOptions opt = TestOptions(data.path());
  opt.limits.max_file_bytes = 8000;
  opt.limits.max_request_bytes = 20000;
  opt.limits.max_files = 2;
  opt.limits.max_fields = 10;
  opt.limits.zip.max_total_bytes = 1 << 20;
  opt.limits.zip.max_entry_bytes = 1 << 20;
  Server server(opt);
  server.Start();
  Client c(server.Port());
  c.Open();

  Reply big = c.PostAnnouncing(1ull << 30);  // "1 GB" announced: refused unread
  CHECK(big.status == 413);
  CHECK(big.body.find("20000") != std::string::npos);
  Reply file = c.Post("/api/upload", {{"files", "a.xlsx", std::string(8001, 'x')}});
  CHECK(file.status == 413);
  CHECK(file.body.find("8000") != std::string::npos);
  Reply many = c.Post("/api/upload", {{"files", "a.xlsx", "1"}, {"files", "b.xlsx", "2"}, {"files", "c.xlsx", "3"}});
  CHECK(many.status == 413);
  std::vector<Part> fields;
  for (int i = 0; i < 20; ++i) fields.push_back({"f" + std::to_string(i), "", "v"});
  CHECK(c.Post("/api/upload", fields).status == 400);

  // 4 MiB of zeros deflate to a few KB: past the inflated limit, refused by the zip reader.
  std::ostringstream zipped;
  {
    Poco::Zip::Compress zip(zipped, true);
    std::istringstream zeros(std::string(4u << 20, '\0'));
    zip.addFile(zeros, Poco::DateTime(), Poco::Path("project.yaml"), Poco::Zip::ZipCommon::CM_DEFLATE);
    zip.close();
  }
  REQUIRE(zipped.str().size() < 8000);
  Reply bomb = c.Post("/api/upload", {{"files", "bomb.zip", zipped.str()}});
  CHECK(bomb.status == 200);
  CHECK(bomb.body.find("\"refused\": true") != std::string::npos);
  CHECK(bomb.body.find("zip") != std::string::npos);

  // A name reaching out of the folder: shown by its last part, written nowhere.
  Reply traversal = c.Post("/api/upload", {{"files", "../../../escape.xlsx", "PK"}});
  CHECK(traversal.status == 200);
  CHECK(JsonField(traversal.body, "name") == "escape.xlsx");
  CHECK_FALSE(fs::exists(fs::path(data.path()).parent_path() / "escape.xlsx"));
  // The server goes on.
  CHECK(c.Get("/").status == 200);
}

TEST_CASE("serve: an uploaded 自评表 is answered as the commands answer it, its outputs downloadable until they expire") {
  TempDir data, tmp;
  const std::string form = FormWithFinding(tmp);
  ServeOptions opt = TestOptions(data.path());
  opt.keep_minutes = 0;  // everything expires at the first sweep
  Server server(opt);
  server.Start();
  Client c(server.Port());
  c.Open();

  Reply r = c.Post("/api/upload", {{"lang", "", "zh"}, {"files", "某局自评表.xlsx", form}});
  REQUIRE(r.status == 200);
  CHECK(r.head.get("Cache-Control") == "no-store");

  // What the commands give for the same bytes.
  CheckRequest check;
  check.target.path = "某局自评表.xlsx";
  check.target.bytes = std::make_shared<const std::string>(form);
  CheckOutcome expected = RunCheck(check);
  REQUIRE(expected.checked);
  REQUIRE(expected.check.errors > 0);
  ScoreRequest score;
  score.project = check.target;
  ScoreOutcome scored = RunScore(score);
  REQUIRE_FALSE(scored.Refused());

  CHECK(JsonField(r.body, "kind") == "self-form");
  CHECK(JsonField(r.body, "refused") == "false");
  CHECK(JsonField(r.body, "errors") == std::to_string(expected.check.errors));
  CHECK(JsonField(r.body, "total") == scored.scored->total.ToFixed(2));
  CHECK(JsonField(r.body, "grade") == scored.scored->grade);
  for (const auto& f : expected.check.findings) CHECK(r.body.find(JsonString(f.loc.ToString())) != std::string::npos);
  for (const char* out : {"report.html", "report.md", "check.html", "某局自评表.审核.xlsx"})
    CHECK(r.body.find(std::string("\"") + out + "\"") != std::string::npos);

  // The annotated copy, downloaded: a workbook, sent as an attachment with its name.
  const std::string job = JsonField(r.body, "job");
  size_t at = r.body.find("\"某局自评表.审核.xlsx\"");
  REQUIRE(at != std::string::npos);
  const std::string id = JsonField(r.body.substr(r.body.rfind("{", at)), "id");
  Reply copy = c.Get("/api/jobs/" + job + "/files/" + id);
  CHECK(copy.status == 200);
  CHECK(copy.body.substr(0, 2) == "PK");
  CHECK(copy.head.get("Content-Disposition").find("attachment") == 0);
  CHECK(copy.head.get("Cache-Control") == "no-store");
  // Not another session's: a second browser sees nothing of it.
  Client other(server.Port());
  other.Open();
  CHECK(other.Get("/api/jobs/" + job + "/files/" + id).status == 404);
  // 汇总.xlsx and the .zip of everything.
  CHECK(c.Get("/api/jobs/" + job + "/summary.xlsx").body.substr(0, 2) == "PK");
  CHECK(c.Get("/api/jobs/" + job + "/all.zip").body.substr(0, 2) == "PK");

  CHECK(server.Jobs() == 1);
  CHECK(server.ExpireNow() == 1);
  CHECK(c.Get("/api/jobs/" + job + "/files/" + id).status == 404);
  const std::string folder = server.Folder();
  CHECK(fs::is_empty(folder));
  server.Stop();
  CHECK_FALSE(fs::exists(folder));
}

TEST_CASE("serve: start a project from a bundled system") {
  TempDir data;
  Server server(TestOptions(data.path()));
  server.Start();
  Client c(server.Port());
  c.Open();
  Reply systems = c.Get("/api/systems");
  CHECK(systems.status == 200);
  CHECK(systems.body.find("yaohai-2023.yaml") != std::string::npos);
  Reply made = c.Post("/api/init", {{"system", "", "yaohai-2023.yaml"}});
  CHECK(made.status == 200);
  CHECK(JsonField(made.body, "refused") == "false");
  CHECK(made.body.find("数据采集表.xlsx") != std::string::npos);
  Reply unknown = c.Post("/api/init", {{"system", "", "../../etc/passwd"}});
  CHECK(JsonField(unknown.body, "refused") == "true");

  // An uploaded system: as YAML, and as a 附件1 scoring sheet that import reads.
  const std::string yaml = *ReadFileBytes(std::string(JIXIAO_SOURCE_DIR) + "/indicators/jiaocheng-2024.yaml");
  Reply from_yaml = c.Post("/api/init", {{"file", "我们的体系.yaml", yaml}});
  CHECK(JsonField(from_yaml.body, "refused") == "false");
  CHECK(from_yaml.body.find("新项目.zip") != std::string::npos);
  ReportRequest report;
  report.project.path = std::string(JIXIAO_SOURCE_DIR) + "/inputs/jiaocheng-2024";
  report.keep_in_memory = true;
  std::string sheet;
  for (const auto& f : RunReport(report).files)
    if (fs::path(f.path).filename() == "评分表.xlsx") sheet = f.bytes;
  REQUIRE_FALSE(sheet.empty());
  Reply from_sheet = c.Post("/api/init", {{"file", "附件1.xlsx", sheet}});
  CHECK(JsonField(from_sheet.body, "refused") == "false");
  CHECK(from_sheet.body.find("数据采集表.xlsx") != std::string::npos);
  CHECK_FALSE(JsonField(from_sheet.body, "summary").empty());  // what import inferred
  // Not a system: located, as the command line says it.
  Reply broken = c.Post("/api/init", {{"file", "坏.yaml", "name: x\nindicators: [\n"}});
  CHECK(JsonField(broken.body, "refused") == "true");
  CHECK(broken.body.find("坏.yaml") != std::string::npos);
}

namespace {

// A project folder zipped as a user would: its folder at the top of the zip.
std::string ZipFolder(const std::string& dir, const std::string& top) {
  std::ostringstream zipped;
  Poco::Zip::Compress zip(zipped, true);
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    std::istringstream in(*ReadFileBytes(e.path().string()));
    const std::string rel = fs::relative(e.path(), dir).generic_string();
    zip.addFile(in, Poco::DateTime(), Poco::Path(top + "/" + rel, Poco::Path::PATH_UNIX),
                Poco::Zip::ZipCommon::CM_DEFLATE);
  }
  zip.close();
  return zipped.str();
}

}  // namespace

TEST_CASE("serve: a project uploaded as a .zip is reported with the bundled system it names, a 评分表 is reviewed") {
  TempDir data;
  Server server(TestOptions(data.path()));
  server.Start();
  Client c(server.Port());
  c.Open();
  const std::string zip = ZipFolder(std::string(JIXIAO_SOURCE_DIR) + "/inputs/jiaocheng-2024", "jiaocheng-2024");
  Reply r = c.Post("/api/upload", {{"files", "交城.zip", zip}});
  REQUIRE(r.status == 200);
  CHECK(JsonField(r.body, "kind") == "project");
  CHECK(JsonField(r.body, "refused") == "false");
  CHECK(JsonField(r.body, "total") == "90.71");
  CHECK(JsonField(r.body, "grade") == "优");
  for (const char* out : {"report.html", "report.docx", "评分表.xlsx", "check.html"})
    CHECK(r.body.find(std::string("\"") + out + "\"") != std::string::npos);

  // Its 评分表, submitted back: reviewed on its own figures, nothing wrong.
  const std::string job = JsonField(r.body, "job");
  size_t at = r.body.find("\"评分表.xlsx\"");
  REQUIRE(at != std::string::npos);
  Reply sheet = c.Get("/api/jobs/" + job + "/files/" + JsonField(r.body.substr(r.body.rfind("{", at)), "id"));
  REQUIRE(sheet.status == 200);
  Reply reviewed = c.Post("/api/upload", {{"job", "", job}, {"files", "交城评分表.xlsx", sheet.body}});
  REQUIRE(reviewed.status == 200);
  CHECK(JsonField(reviewed.body, "kind") == "scoring-sheet");
  CHECK(JsonField(reviewed.body, "errors") == "0");
  CHECK(JsonField(reviewed.body, "count") == "2");  // added to the same job
  CHECK(c.Get("/api/jobs/" + job + "/summary.xlsx").status == 200);

  // A zip without project.yaml: refused, saying so.
  std::ostringstream bare;
  {
    Poco::Zip::Compress z(bare, true);
    std::istringstream in("x");
    z.addFile(in, Poco::DateTime(), Poco::Path("notes.txt"), Poco::Zip::ZipCommon::CM_DEFLATE);
    z.close();
  }
  Reply none = c.Post("/api/upload", {{"files", "空.zip", bare.str()}});
  CHECK(JsonField(none.body, "refused") == "true");
  CHECK(none.body.find("project.yaml") != std::string::npos);

  // A zip naming a file outside its folder (zip slip): refused, the name quoted.
  std::string slip = bare.str();
  for (size_t at = slip.find("notes.txt"); at != std::string::npos; at = slip.find("notes.txt", at))
    slip.replace(at, 9, "../x.yaml");  // the same length, in both headers
  Reply escaped = c.Post("/api/upload", {{"files", "slip.zip", slip}});
  CHECK(JsonField(escaped.body, "refused") == "true");
  CHECK(escaped.body.find("../x.yaml") != std::string::npos);
}

TEST_CASE("serve: concurrent clients are all answered correctly while a hostile upload is refused") {
  TempDir data, tmp;
  const std::string form = FormWithFinding(tmp);
  ScoreRequest score;
  score.project.path = "自评表.xlsx";
  score.project.bytes = std::make_shared<const std::string>(form);
  const std::string total = RunScore(score).scored->total.ToFixed(2);

  ServeOptions opt = TestOptions(data.path());
  opt.limits.zip.max_total_bytes = 1 << 20;
  Server server(opt);
  server.Start();
  constexpr int kClients = 8, kEach = 3;
  std::atomic<int> right{0}, refused{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kClients; ++i) {
    threads.emplace_back([&] {
      Client c(server.Port());
      c.Open();
      for (int k = 0; k < kEach; ++k) {
        Reply r = c.Post("/api/upload", {{"work", "", "report"}, {"files", "自评表.xlsx", form}});
        if (r.status == 200 && JsonField(r.body, "total") == total) ++right;
      }
    });
  }
  threads.emplace_back([&] {
    Client c(server.Port());
    c.Open();
    std::ostringstream zipped;
    {
      Poco::Zip::Compress zip(zipped, true);
      std::istringstream zeros(std::string(8u << 20, '\0'));
      zip.addFile(zeros, Poco::DateTime(), Poco::Path("project.yaml"), Poco::Zip::ZipCommon::CM_DEFLATE);
      zip.close();
    }
    Reply r = c.Post("/api/upload", {{"files", "bomb.zip", zipped.str()}});
    if (r.status == 200 && JsonField(r.body, "refused") == "true") ++refused;
    if (c.PostAnnouncing(1ull << 30).status == 413) ++refused;
  });
  for (auto& t : threads) t.join();
  CHECK(right == kClients * kEach);
  CHECK(refused == 2);
}

TEST_CASE("serve --pdf: a report's report.pdf is among the downloads") {
  if (!testing::LibreOfficeAvailable()) return;
  REQUIRE_MESSAGE(testing::OnPath("unoconv"), "unoconv is not installed: run scripts/install-deps.sh");
  TempDir data, tmp;
  const std::string form = FormWithFinding(tmp);
  ServeOptions opt = TestOptions(data.path());
  opt.pdf = true;
  Server server(opt);
  server.Start();
  Client c(server.Port());
  c.Open();
  Reply r = c.Post("/api/upload", {{"lang", "", "zh"}, {"files", "某局自评表.xlsx", form}, {"work", "", "report"}});
  REQUIRE(r.status == 200);
  size_t at = r.body.find("\"report.pdf\"");
  REQUIRE(at != std::string::npos);
  const std::string id = JsonField(r.body.substr(r.body.rfind("{", at)), "id");
  Reply pdf = c.Get("/api/jobs/" + JsonField(r.body, "job") + "/files/" + id);
  CHECK(pdf.status == 200);
  CHECK(pdf.body.substr(0, 5) == "%PDF-");
  server.Stop();
}

namespace {

// A filled 自评表 of `year` (its title names it). 2023's first indicator fell
// short; 2024's states 18 for it where its rule gives 20 (a total of 98
// stated, which review changes).
std::string FormOfYear(const TempDir& tmp, const std::string& year) {
  jixiao::testing::FormSpec spec;
  spec.year_title = "（" + year + "年度）";
  if (year == "2023") spec.rows[0].actual = "800人次";
  if (year == "2024") {
    spec.rows[0].score = "18";
    spec.total_score = "98";
  }
  const std::string path = tmp.path() + "/form-" + year + ".xlsx";
  jixiao::testing::WriteForm(path, spec);
  return *ReadFileBytes(path);
}

std::string Encoded(const std::string& s) {
  std::string out;
  Poco::URI::encode(s, "&=+?#", out);
  return out;
}

}  // namespace

TEST_CASE("serve --db: every upload archived, last year's total beside this year's, 历史 answered to the page only") {
  TempDir data, tmp;
  ServeOptions opt = TestOptions(data.path());
  opt.db = "sqlite:" + tmp.path() + "/archive.db";
  Server server(opt);
  server.Start();
  Client c(server.Port());
  c.Open();
  CHECK(c.Get("/").body.find("name=\"jixiao-history\" content=\"1\"") != std::string::npos);

  Reply y23 = c.Post("/api/upload", {{"lang", "", "zh"}, {"files", "2023自评表.xlsx", FormOfYear(tmp, "2023")}});
  REQUIRE(y23.status == 200);
  CHECK(JsonField(y23.body, "archived").find("已存档") == 0);
  CHECK(JsonField(y23.body, "previous_total").empty());
  const std::string total23 = JsonField(y23.body, "total");
  Reply y24 = c.Post("/api/upload", {{"lang", "", "zh"}, {"files", "2024自评表.xlsx", FormOfYear(tmp, "2024")}});
  REQUIRE(y24.status == 200);
  CHECK(JsonField(y24.body, "previous_year") == "2023");
  CHECK(JsonField(y24.body, "previous_total") == total23);
  const std::string total24 = JsonField(y24.body, "total");
  CHECK(total23 != total24);
  CHECK(JsonField(y24.body, "change") ==
        ChangeText(*Decimal::Parse(total24) - *Decimal::Parse(total23)));
  // The same bytes again: archived before, nothing new.
  Reply again = c.Post("/api/upload", {{"lang", "", "en"}, {"files", "2024自评表.xlsx", FormOfYear(tmp, "2024")}});
  CHECK(JsonField(again.body, "archived").find("archived before") != std::string::npos);

  // What the command answers for the same question, in the page's tables too.
  HistoryRequest h;
  h.db = opt.db;
  h.subject = "城乡医疗救助项目";
  h.json = true;
  HistoryOutcome expected = RunHistory(h);
  REQUIRE_FALSE(expected.Refused());
  Reply answer = c.GetWithToken("/api/history?question=project&subject=" + Encoded("城乡医疗救助项目"));
  REQUIRE(answer.status == 200);
  CHECK(answer.head.get("Cache-Control") == "no-store");
  CHECK(answer.body == "{\"answer\": " + expected.text + ", \"tables\": " + RenderHistoryTablesJson(expected.tables) + "}\n");
  for (const char* s : {"\"2023\"", "\"2024\"", "城乡医疗救助项目"}) CHECK(answer.body.find(s) != std::string::npos);
  // The run kept holds the review's findings (the review runs first), and the stated total review changed.
  CHECK(JsonField(answer.body, "errors", answer.body.find("\"year\": \"2024\"")) != "0");
  Reply revised = c.GetWithToken("/api/history?question=revised&year=2024&department=" + Encoded("某县医疗保障局"));
  CHECK(revised.status == 200);
  CHECK(JsonField(revised.body, "stated_total") == "98.00");
  // 至多列出: the page's limit is the command's --limit; a limit that is not a count is refused.
  HistoryRequest one;
  one.db = opt.db;
  one.question = HistoryQuestion::kRevised;
  one.limit = 1;
  one.json = true;
  HistoryOutcome first = RunHistory(one);
  REQUIRE_FALSE(first.Refused());
  Reply limited = c.GetWithToken("/api/history?question=revised&limit=1");
  CHECK(limited.status == 200);
  CHECK(limited.body == "{\"answer\": " + first.text + ", \"tables\": " + RenderHistoryTablesJson(first.tables) + "}\n");
  for (const char* bad : {"abc", "0", "-3", "12x"}) {
    Reply refused = c.GetWithToken(std::string("/api/history?question=revised&limit=") + bad);
    CHECK_MESSAGE(refused.status == 400, bad);
    CHECK_MESSAGE(refused.body.find("limit") != std::string::npos, bad);
  }
  Reply dept = c.GetWithToken("/api/history?question=department&subject=" + Encoded("某县医疗保障局"));
  CHECK(dept.status == 200);
  CHECK(dept.body.find("某县医疗保障局") != std::string::npos);

  // The workbook: an attachment named for the question, written in the private folder and gone after.
  Reply book = c.GetWithToken("/api/history.xlsx?question=project&subject=" + Encoded("城乡"));
  CHECK(book.status == 200);
  CHECK(book.body.substr(0, 2) == "PK");
  CHECK(book.head.get("Content-Disposition").find("attachment") == 0);
  CHECK(book.head.get("Content-Disposition").find("%E9%A1%B9%E7%9B%AE") != std::string::npos);  // 项目
  for (const auto& e : fs::directory_iterator(server.Folder())) CHECK(e.is_directory());

  // Nothing matching: the command's message, in the request's language.
  Reply none = c.GetWithToken("/api/history?question=project&subject=nosuch");
  CHECK(none.status == 400);
  CHECK(JsonField(none.body, "error").find("数据库中没有与") != std::string::npos);
  CHECK(none.body.find(tmp.path()) == std::string::npos);  // the archive's path stays with the server
  Reply none_en = c.GetWithToken("/api/history?question=system&subject=nosuch", "\x01", "en");
  CHECK(JsonField(none_en.body, "error").find("holds nothing matching") != std::string::npos);
  CHECK(c.GetWithToken("/api/history.xlsx?question=project&subject=nosuch").status == 400);

  // The guard: without the token, with another session's, or from a page elsewhere, nothing.
  CHECK(c.Get("/api/history?question=project&subject=x").status == 403);
  CHECK(c.Get("/api/history.xlsx?question=project&subject=x").status == 403);
  CHECK(c.GetWithToken("/api/history?question=revised", "0123456789abcdef0123456789abcdef").status == 403);
  Client stranger(server.Port());
  CHECK(stranger.GetWithToken("/api/history?question=revised", "").status == 403);
  {
    HTTPRequest req(HTTPRequest::HTTP_GET, "/api/history?question=revised", HTTPRequest::HTTP_1_1);
    req.setHost("evil.example:" + std::to_string(server.Port()));
    req.set("X-Jixiao-Token", c.token());
    Poco::Net::HTTPClientSession s("127.0.0.1", static_cast<Poco::UInt16>(server.Port()));
    s.sendRequest(req);
    HTTPResponse head;
    std::string body;
    Poco::StreamCopier::copyToString(s.receiveResponse(head), body);
    CHECK(head.getStatus() == HTTPResponse::HTTP_MISDIRECTED_REQUEST);
  }
  server.Stop();
}

TEST_CASE("serve without --db: no 历史, nothing archived, and a bad --db stops the server from starting") {
  TempDir data, tmp;
  {
    Server server(TestOptions(data.path()));
    server.Start();
    Client c(server.Port());
    c.Open();
    CHECK(c.Get("/").body.find("name=\"jixiao-history\" content=\"\"") != std::string::npos);
    CHECK(c.GetWithToken("/api/history?question=revised").status == 404);
    Reply r = c.Post("/api/upload", {{"lang", "", "zh"}, {"files", "自评表.xlsx", FormOfYear(tmp, "2024")}});
    CHECK(JsonField(r.body, "archived").empty());
    server.Stop();
  }
  // A bad URL, and a database a newer jixiao wrote.
  const std::string newer = "sqlite:" + tmp.path() + "/newer.db";
  {
    Database db(newer);
    db.session() << "INSERT INTO schema_version (version, applied_at) VALUES (99, 'later')", Poco::Data::Keywords::now;
  }
  for (const std::string& url : {std::string("mysql:x"), newer}) {
    CAPTURE(url);
    ServeOptions opt = TestOptions(data.path());
    opt.db = url;
    try {
      Server server(opt);
      FAIL("the server started");
    } catch (const std::runtime_error& e) {
      CHECK(std::string(e.what()).find(url.substr(0, 5)) != std::string::npos);
      if (url == newer) CHECK(std::string(e.what()).find("99") != std::string::npos);  // the version it holds
    }
  }
}

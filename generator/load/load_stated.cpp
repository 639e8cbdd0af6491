#include "load/load_stated.h"

#include "base/messages.h"

namespace jixiao {

bool IsTemplateText(const std::string& text) {
  for (const char* phrase : {"请填写", "填表说明", "填报说明", "示例：", "此处填写", "字以内", "字左右", "字以下",
                             "（请", "(请"})
    if (text.find(phrase) != std::string::npos) return true;
  return false;
}

std::optional<StatedNumber> ParseStatedNumber(const std::string& text, const SourceLoc& loc) {
  auto d = Decimal::Parse(text);
  if (!d) return std::nullopt;
  StatedNumber n;
  n.value = *d;
  n.text = text;
  n.loc = loc;
  n.percent = text.find('%') != std::string::npos || text.find("\xEF\xBC\x85") != std::string::npos;
  size_t dot = text.find('.');
  if (dot != std::string::npos) {
    size_t end = dot + 1;
    while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
    n.places = static_cast<int>(end - dot - 1);
  }
  return n;
}

namespace {

struct StatedReader {
  const YamlFile& y;
  Diagnostics& diags;

  std::optional<StatedNumber> Number(const YamlNode& n, const std::string& code = "") {
    if (n.IsMap() && n["value"]) {  // {value: "8.63%", where: "表3 第2行"}
      y.CheckKeys(n, {"value", "where"}, code, diags);
      auto s = Number(n["value"], code);
      if (s && n["where"]) s->where = y.String(n, "where", false, code, diags).value_or("");
      return s;
    }
    if (!n.IsScalar()) {
      diags.Error(y.Loc(n), code, msg::kExpectedNumber, "(list/map)");
      return std::nullopt;
    }
    auto s = ParseStatedNumber(n.Scalar(), y.Loc(n));
    if (!s) diags.Error(y.Loc(n), code, msg::kExpectedNumber, n.Scalar());
    return s;
  }

  std::optional<StatedNumber> Field(const YamlNode& map, const char* key) {
    if (!map[key]) return std::nullopt;
    return Number(map[key]);
  }

  void NumberMap(const YamlNode& n, const char* what, std::map<std::string, StatedNumber>& out) {
    if (!y.IsMap(n, what, "", diags)) return;
    for (auto it = n.begin(); it != n.end(); ++it)
      if (auto v = Number(it->second, it->first.Scalar())) out[it->first.Scalar()] = *v;
  }
};

}  // namespace

void ReadStated(const YamlFile& y, const YamlNode& n, Diagnostics& diags, Stated& st) {
  if (!y.IsMap(n, "stated", "", diags)) return;
  st.present = true;
  y.CheckKeys(n, {"source", "total", "grade", "deductions", "scores", "rates", "values", "names",
                  "surveys", "balances", "tables", "figures"},
              "", diags);
  StatedReader r{y, diags};
  st.source = y.String(n, "source", false, "", diags).value_or("");
  st.total = r.Field(n, "total");
  st.deductions = r.Field(n, "deductions");
  if (n["grade"]) st.grade = StatedText{n["grade"].Scalar(), "", y.Loc(n["grade"])};
  if (n["scores"]) r.NumberMap(n["scores"], "scores", st.scores);
  if (n["rates"]) r.NumberMap(n["rates"], "rates", st.rates);
  if (n["values"]) r.NumberMap(n["values"], "values", st.values);
  if (YamlNode names = n["names"]) {
    if (y.IsMap(names, "names", "", diags)) {
      for (auto it = names.begin(); it != names.end(); ++it) {
        const YamlNode v = it->second;  // a copy: the iterator's node is a temporary
        StatedText t;
        t.loc = y.Loc(v);
        if (v.IsMap()) {
          y.CheckKeys(v, {"name", "where"}, it->first.Scalar(), diags);
          t.text = y.String(v, "name", true, it->first.Scalar(), diags).value_or("");
          t.where = y.String(v, "where", false, it->first.Scalar(), diags).value_or("");
        } else {
          t.text = v.Scalar();
        }
        st.names[it->first.Scalar()] = t;
      }
    }
  }
  if (YamlNode surveys = n["surveys"]) {
    if (y.IsMap(surveys, "surveys", "", diags)) {
      for (auto it = surveys.begin(); it != surveys.end(); ++it) {
        StatedSurvey s;
        s.id = it->first.Scalar();
        s.loc = y.Loc(it->second);
        if (!y.IsMap(it->second, "survey {shares, total, mean}", "", diags)) continue;
        y.CheckKeys(it->second, {"shares", "total", "mean"}, "", diags);
        if (YamlNode shares = it->second["shares"]) {
          if (y.IsList(shares, "shares", "", diags))
            for (const auto& sh : shares)
              if (auto v = r.Number(sh)) s.shares.push_back(*v);
        }
        s.total = r.Field(it->second, "total");
        s.mean = r.Field(it->second, "mean");
        st.surveys.push_back(s);
      }
    }
  }
  if (YamlNode balances = n["balances"]) {
    if (y.IsList(balances, "balances", "", diags)) {
      for (const auto& b : balances) {
        if (!y.IsMap(b, "year {year, opening, income, spending, net, closing}", "", diags)) continue;
        y.CheckKeys(b, {"year", "opening", "income", "spending", "net", "closing"}, "", diags);
        StatedYear sy;
        sy.loc = y.Loc(b);
        sy.year = y.String(b, "year", true, "", diags).value_or("");
        sy.opening = r.Field(b, "opening");
        sy.income = r.Field(b, "income");
        sy.spending = r.Field(b, "spending");
        sy.net = r.Field(b, "net");
        sy.closing = r.Field(b, "closing");
        st.balances.push_back(sy);
      }
    }
  }
  if (YamlNode tables = n["tables"]) {
    if (y.IsList(tables, "tables", "", diags)) {
      for (const auto& t : tables) {
        if (!y.IsMap(t, "table {title, rows, total}", "", diags)) continue;
        y.CheckKeys(t, {"title", "rows", "total"}, "", diags);
        StatedTable tb;
        tb.loc = y.Loc(t);
        tb.title = y.String(t, "title", true, "", diags).value_or("");
        if (YamlNode rows = t["rows"]) {
          if (y.IsMap(rows, "rows", "", diags))
            for (auto it = rows.begin(); it != rows.end(); ++it)
              if (auto v = r.Number(it->second)) tb.rows.emplace_back(it->first.Scalar(), *v);
        }
        tb.total = r.Field(t, "total");
        st.tables.push_back(tb);
      }
    }
  }
  if (YamlNode figures = n["figures"]) {
    if (y.IsList(figures, "figures", "", diags)) {
      for (const auto& f : figures) {
        if (!y.IsMap(f, "figure {name, mentions}", "", diags)) continue;
        y.CheckKeys(f, {"name", "mentions"}, "", diags);
        StatedFigure fig;
        fig.loc = y.Loc(f);
        fig.name = y.String(f, "name", true, "", diags).value_or("");
        if (YamlNode m = f["mentions"]) {
          if (y.IsMap(m, "mentions", "", diags))
            for (auto it = m.begin(); it != m.end(); ++it)
              if (auto v = r.Number(it->second)) fig.mentions.emplace_back(it->first.Scalar(), *v);
        }
        st.figures.push_back(fig);
      }
    }
  }
}

}  // namespace jixiao

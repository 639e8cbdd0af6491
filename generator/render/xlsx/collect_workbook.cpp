// Writing the data-collection workbook (数据采集表.xlsx) from an indicator
// system (`jixiao init`: commands/init.cpp). Sheets, in order: 说明, 基本信息, 数据, 资金,
// 指标, 减分项 (when the system caps deductions), 满意度, and a hidden 选项
// sheet holding the tier lists the drop-downs point at.
//
// Every sheet is protected without a password: headers and indicator texts
// are locked, input cells are unlocked and shaded, so a user can only type
// where the reader looks. Drop-downs: 是/否 and 万元/元 inline (short lists
// are safe in libxlsxwriter 1.1.4), tier names through LIST_FORMULA ranges
// on the 选项 sheet (an inline list over ~250 UTF-8 bytes aborts 1.1.4).
#include "render/xlsx/collect_workbook.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <iterator>
#include <map>
#include <tuple>
#include <utility>

#include "base/atomic_file.h"
#include "base/messages.h"
#include "base/precision.h"
#include "formats/xlsx/xlsx_writer.h"
#include "load/load.h"
#include "rules/rule_kind.h"
#include "rules/rules.h"

namespace fs = std::filesystem;

namespace jixiao {

std::vector<std::pair<std::string, std::vector<std::string>>> NamesReadBySystem(
    const IndicatorSystem& sys) {
  std::vector<std::pair<std::string, std::vector<std::string>>> out;
  std::map<std::string, size_t> index;
  auto add = [&](const std::string& name, const std::string& code) {
    if (name.empty() || name == "x" || name == "weight") return;
    auto it = index.find(name);
    if (it == index.end()) {
      index[name] = out.size();
      out.push_back({name, {code}});
    } else if (out[it->second].second.back() != code) {
      out[it->second].second.push_back(code);
    }
  };
  sys.ForEach([&](const Indicator& ind) {
    if (!ind.rule) return;
    const Rule& r = *ind.rule;
    add(r.value, ind.code);
    for (const RuleFormula& f : UnitOf(r.kind).Formulas(r))
      for (const auto& n : f.formula->Names()) add(n, ind.code);
  });
  return out;
}

namespace {

using namespace collect;

constexpr double kFontSize = 10;
constexpr lxw_color_t kInputFill = 0xFFF2CC;  // light yellow: type here
constexpr lxw_color_t kHeaderFill = 0xE7E6E6;
constexpr lxw_color_t kGreyFill = 0xF2F2F2;  // nothing to fill here

constexpr int kExtraDataRows = 24;
constexpr int kSourceRows = 8;
constexpr int kUseRows = 12;
constexpr int kBalanceRows = 5;
constexpr int kDeductionRows = 10;
constexpr int kQuestionBlocks = 10;
constexpr double kMaxCountInput = 100000;  // a count typed into a 评价 cell (objects, failures)
constexpr int kOptionColumns = 8;
constexpr int kRatedBlocks = 2;
constexpr int kRatedRows = 15;



double Height(int lines) { return Sheet::LinesHeight(lines); }

struct Formats {
  lxw_format* title;
  lxw_format* hint;     // a sheet's instructions under its title
  lxw_format* header;
  lxw_format* label;    // locked text in the table
  lxw_format* label_top;
  lxw_format* label_center;
  lxw_format* number;   // locked, a weight
  lxw_format* na;       // locked and greyed: nothing to fill here
  lxw_format* sum;      // a locked total formula
  lxw_format* in_text;  // unlocked inputs, shaded
  lxw_format* in_text_top;
  lxw_format* in_center;
  lxw_format* in_number;
  lxw_format* in_percent;
  lxw_format* in_money;
  lxw_format* in_count;
  lxw_format* in_as_text;  // "@": what is typed stays text (years, dates)
  lxw_format* guide;       // 说明 body text
  lxw_format* guide_head;

  explicit Formats(lxw_workbook* wb) {
    auto base = [&](bool border) { return BaseCellFormat(wb, kFontSize, border); };
    auto input = [&](uint8_t align, const char* num) {
      lxw_format* f = base(true);
      format_set_unlocked(f);
      format_set_bg_color(f, kInputFill);
      format_set_align(f, align);
      if (num) format_set_num_format(f, num);
      return f;
    };
    title = base(false);
    format_set_bold(title);
    format_set_font_size(title, 14);
    hint = base(false);
    format_set_font_color(hint, 0x595959);
    format_set_align(hint, LXW_ALIGN_VERTICAL_TOP);
    header = base(true);
    format_set_bold(header);
    format_set_align(header, LXW_ALIGN_CENTER);
    format_set_bg_color(header, kHeaderFill);
    label = base(true);
    label_top = base(true);
    format_set_align(label_top, LXW_ALIGN_VERTICAL_TOP);
    label_center = base(true);
    format_set_align(label_center, LXW_ALIGN_CENTER);
    number = base(true);
    format_set_align(number, LXW_ALIGN_CENTER);
    na = base(true);
    format_set_bg_color(na, kGreyFill);
    sum = base(true);
    format_set_bold(sum);
    format_set_align(sum, LXW_ALIGN_RIGHT);
    format_set_num_format(sum, "#,##0.00");
    in_text = input(LXW_ALIGN_LEFT, nullptr);
    in_text_top = input(LXW_ALIGN_LEFT, nullptr);
    format_set_align(in_text_top, LXW_ALIGN_VERTICAL_TOP);
    in_center = input(LXW_ALIGN_CENTER, nullptr);
    in_number = input(LXW_ALIGN_CENTER, nullptr);
    in_percent = input(LXW_ALIGN_CENTER, "0.00%");
    in_money = input(LXW_ALIGN_RIGHT, "#,##0.00");
    in_count = input(LXW_ALIGN_CENTER, "0");
    in_as_text = input(LXW_ALIGN_LEFT, "@");
    guide = base(false);
    format_set_align(guide, LXW_ALIGN_VERTICAL_TOP);
    guide_head = base(false);
    format_set_bold(guide_head);
    format_set_font_size(guide_head, 11);
  }
};

double Num(const Decimal& d) { return std::strtod(d.ToExactString().c_str(), nullptr); }

std::string Label(const Indicator& d) { return d.code.empty() ? d.name : d.code + " " + d.name; }

// Title in row 0, the sheet's instructions in row 1 (merged over c1..c2).
void TitleAndHint(Sheet& sh, const Formats& fm, int last_col, const std::string& title,
                  const std::string& hint) {
  sh.Merge(0, 0, 0, last_col, title, fm.title);
  sh.RowHeight(0, 26);
  sh.Merge(1, 0, 1, last_col, hint, fm.hint);
  sh.RowHeight(1, Height(WrappedLines(hint, sh.Width(0, last_col))));
}

bool HasRule(const IndicatorSystem& sys, RuleKind kind) {
  bool found = false;
  sys.ForEach([&](const Indicator& i) { found = found || (i.rule && i.rule->kind == kind); });
  return found;
}

// Self-evaluation: the 自评表's 年度总体目标 and its 项目资金 block.
bool SelfEvaluation(const IndicatorSystem& sys) {
  return sys.SelfEvaluation() || HasRule(sys, RuleKind::kTarget) || HasRule(sys, RuleKind::kBudgetRate);
}

// ---- 说明 ----

void WriteGuide(lxw_workbook* wb, const Formats& fm, const IndicatorSystem& sys,
                const std::string& path) {
  Sheet sh(wb, kGuideSheet, path);
  sh.Column(0, 70);  // fits A4 portrait at 100% in Excel, WPS and LibreOffice
  int row = 0;
  sh.Text(row, 0, sys.name + " 数据采集表", fm.title);
  sh.RowHeight(row++, 26);
  auto para = [&](const std::string& s, bool head = false) {
    sh.Text(row, 0, s, head ? fm.guide_head : fm.guide);
    sh.RowHeight(row++, head ? 20 : Height(WrappedLines(s, 70)));
  };
  para(fmt::format("本工作簿由 jixiao init 根据指标体系 {} 生成。保存在项目文件夹中、文件名为 {} 时，"
                   "jixiao score 和 jixiao report 会连同 project.yaml 一起读取它。",
                   fs::path(sys.file).filename().string(), kCollectWorkbookName));
  para("怎样填写", true);
  int n = 0;
  auto item = [&](const std::string& s) { para(std::to_string(++n) + ". " + s); };
  item("只填写浅黄色单元格；灰色表头和指标内容已锁定（工作表保护没有密码，确需修改可在“审阅”中撤销保护）。"
       "空单元格表示“未填写”，不会当作 0。");
  item("“基本信息”：项目名称必填，其余按实际填写。年度和日期按文字照写，如 2024、2025年12月10日。");
  item("“数据”：列出的名称是评分规则要读取的数据，逐行填写数值；也可在下方空行增加其他数据（名称自定，"
       "不要含空格和运算符号）。需要计算的比率可在“计算公式”列写公式，如 实际支出资金 / 实际到位资金，"
       "此时“数值”留空，结果按百分比保留两位小数四舍五入后再评分。");
  item("比率：显示为百分比的单元格直接输入 90.56%；单位为 % 的行输入 90.56 也表示 90.56%。"
       "数字按单元格中保存的数精确读取，不要写“约”“九成”之类的文字。");
  item("“资金”：资金来源、支出内容和历年结余，金额单位在表头选择（万元或元），全表统一。");
  item("“指标”：每个末级指标一行。评价要点逐行选 是/否（同一指标的要点须全部填写）；"
       "“满足得满分”的指标在“评价”列选 是/否；定性指标选档次并填写档内得分；专家评定的指标填写得分；"
       "由数据计算的指标读取“数据”表，不必在此填写。对计算得出的指标填写“得分”，即为评价组调整得分。"
       "得分低于满分时须写扣分原因。“佐证材料”写入报告的逐项分析。");
  if (SelfEvaluation(sys))
    item("自评：“基本信息”中填写年度总体目标和全年实际完成情况；“资金”表的“项目资金”填写预算数和执行数"
         "（预算执行率据此计算）；“指标”表对照年度指标值填写实际完成值，未完成或超额较多的写偏差原因，"
         "不适用的指标在“评价”列选“不适用”并写明原因。");
  if (sys.deduction_cap)
    item(fmt::format("“减分项”：每行一项减分原因和扣分，合计不超过 {} 分。", sys.deduction_cap->ToShort(kScorePlaces)));
  item("“满意度”：问卷题目填写编号（如 Q1）、题目、选项和人数，公式中写作 Q1.熟悉、Q1.合计；"
       "满意度评价填写编号（如 满意度）和各评价项目的满意率，公式中写作 满意度.平均。不用的块留空。");
  para("与 project.yaml 的关系", true);
  para("project.yaml 是基础，本工作簿填写的内容与之合并。同一项（如同一个数值、同一指标的得分或扣分原因）"
       "只在一处填写；两处都填写时内容必须一致，不一致时报错，并指出 project.yaml 的行号和本工作簿的单元格。");
  para("填写后检查与评分", true);
  para("在项目文件夹的上一级运行 jixiao score inputs/<项目文件夹>。有错时逐条列出，例如 "
       "“数据采集表.xlsx: 指标!J7: 错误: 指标 B12: 应为数字，实际为“九成””，按所指的表和单元格修改即可。");
  sh.Protect(false);
  sh.PrintSetup(false, -1);
}

// ---- 基本信息 ----


void WriteInfo(lxw_workbook* wb, const Formats& fm, const IndicatorSystem& sys,
               const std::string& path) {
  Sheet sh(wb, kInfoSheet, path);
  sh.Column(0, 14);
  sh.Column(1, 46);
  sh.Column(2, 40);
  TitleAndHint(sh, fm, 2, "基本信息", "填写浅黄色单元格。项目名称必填；单位自评可不填委托单位和评价机构。");
  sh.Text(2, 0, "项目", fm.header);
  sh.Text(2, 1, "内容", fm.header);
  sh.Text(2, 2, "说明", fm.header);
  static const char* kHints[] = {"必填，如 交城县城乡医疗救助补助资金",
                                 "如 2024",
                                 "如 交城县医疗保障局",
                                 "如 交城县医疗保险服务中心",
                                 "第三方评价的委托方，如 交城县财政局",
                                 "第三方评价机构的名称",
                                 "",
                                 "照封面写法，如 2025年12月10日"};
  int row = 3;
  for (size_t i = 0; i < std::size(kInfoLabels); ++i, ++row) {
    sh.Text(row, 0, kInfoLabels[i], fm.label);
    sh.Blank(row, 1, i == 1 || i == 7 ? fm.in_as_text : fm.in_text);
    sh.Text(row, 2, kHints[i], fm.label);
    sh.RowHeight(row, 20);
  }
  if (SelfEvaluation(sys)) {
    for (const char* label : {kGoalExpected, kGoalActual}) {
      sh.Text(row, 0, label, fm.label);
      sh.Blank(row, 1, fm.in_text_top);
      sh.Text(row, 2, label == kGoalExpected ? "自评表的年度总体目标（预期目标）" : "对应的实际完成情况", fm.label);
      sh.RowHeight(row++, Height(6));
    }
  }
  worksheet_freeze_panes(sh.ws(), 3, 0);
  sh.Protect(false);
  sh.PrintSetup(false, 2);
}

// ---- 数据 ----

// Names that are rates: read by a rule that compares them with percent
// thresholds, or named like one (…率, …比例, …满意度).
bool LooksLikeRate(const IndicatorSystem& sys, const std::string& name) {
  bool rate = false;
  sys.ForEach([&](const Indicator& ind) {
    if (!ind.rule || ind.rule->value != name) return;
    if (UnitOf(ind.rule->kind).ReadsRate(*ind.rule)) rate = true;
  });
  if (rate) return true;
  for (const char* tail : {"率", "比例", "满意度"}) {
    std::string t = tail;
    if (name.size() >= t.size() && name.compare(name.size() - t.size(), t.size(), t) == 0)
      return true;
  }
  return false;
}

void WriteData(lxw_workbook* wb, const Formats& fm, const IndicatorSystem& sys,
               const std::string& path) {
  Sheet sh(wb, kDataSheet, path);
  sh.Column(0, 26);
  sh.Column(1, 14);
  sh.Column(2, 7);
  sh.Column(3, 34);
  sh.Column(4, 22);
  sh.Column(5, 30);
  TitleAndHint(sh, fm, 5, "数据",
               "评分规则读取的数据已列出名称，请逐行填写“数值”，或在“计算公式”中写出计算方法（二者填一个）。"
               "单位为 % 的行，数值 90.56 即 90.56%；也可直接输入 90.56%。其他数据填在下方空行，名称自定。");
  const char* headers[] = {kDataName, kDataValue, kDataUnit, kDataFormula, kDataUsedBy, kDataNote};
  for (int c = 0; c < 6; ++c) sh.Text(2, c, headers[c], fm.header);
  int row = 3;
  const std::string number_message = "请填写数字；比率可写作 90.56%。";
  for (const auto& [name, codes] : NamesReadBySystem(sys)) {
    bool rate = LooksLikeRate(sys, name);
    std::string used;
    for (const auto& code : codes) {
      const Indicator* ind = sys.Find(code);
      used += (used.empty() ? "" : "\n") + (ind ? Label(*ind) : code);
    }
    sh.Text(row, 0, name, fm.label);
    sh.Blank(row, 1, rate ? fm.in_percent : fm.in_number);
    sh.Text(row, 2, rate ? "%" : "", fm.in_center);
    sh.Blank(row, 3, fm.in_text);
    sh.Text(row, 4, used, fm.label);
    sh.Blank(row, 5, fm.in_text);
    sh.Fit(row, {{0, 0, name}, {4, 4, used}});
    ++row;
  }
  const int first_extra_caption = row;
  sh.Merge(row, 0, row, 5, "其他数据（名称自定；报告引用或计算公式用到的数据，如 预算资金、实际支出资金）",
           fm.header);
  ++row;
  const int first_extra = row;
  for (int i = 0; i < kExtraDataRows; ++i, ++row) {
    sh.Blank(row, 0, fm.in_text);
    sh.Blank(row, 1, fm.in_number);
    sh.Blank(row, 2, fm.in_center);
    sh.Blank(row, 3, fm.in_text);
    sh.Blank(row, 4, fm.na);
    sh.Blank(row, 5, fm.in_text);
  }
  if (first_extra_caption > 3) sh.NumberRange(3, 1, first_extra_caption - 1, 1, -1e15, 1e15, number_message);
  sh.NumberRange(first_extra, 1, row - 1, 1, -1e15, 1e15, number_message);
  worksheet_freeze_panes(sh.ws(), 3, 1);
  sh.Protect(true);
  sh.PrintSetup(true, 2);
}

// ---- 资金 ----

void WriteFunds(lxw_workbook* wb, const Formats& fm, const IndicatorSystem& sys,
                const std::string& path) {
  Sheet sh(wb, kFundsSheet, path);
  sh.Column(0, 24);
  for (int c = 1; c <= 5; ++c) sh.Column(c, 14);
  const bool budget = HasRule(sys, RuleKind::kBudgetRate);
  TitleAndHint(sh, fm, 5, "资金",
               std::string(budget ? "项目资金（自评表的年初预算数、全年预算数、全年执行数等，预算执行率据此计算），" : "") +
                   "资金来源、支出内容和历年结余。金额单位全表统一，在下方选择 万元 或 元。"
                   "结余应满足 年初 + 收入 − 支出 = 年末，右侧一列为计算值，供核对。");
  sh.Text(2, 0, kFundsUnit, fm.header);
  sh.Text(2, 1, "万元", fm.in_center);
  sh.List(2, 1, 2, 1, {"万元", "元"});
  const std::string money_message = "请填写金额（数字）。";
  int row = 4;
  if (budget) {
    // The 自评表's 项目资金 block: the annual total and its sources.
    sh.Text(row, 0, kBudget, fm.header);
    for (int c = 0; c < 5; ++c) sh.Text(row, c + 1, kBudgetColumns[c], fm.header);
    ++row;
    const int begin = row;
    std::vector<std::string> names = {kBudgetTotal};
    for (const char* n : kStandardBudgetSources) names.push_back(std::string("其中：") + n);
    for (const auto& name : names) {
      sh.Text(row, 0, name, fm.label);
      for (int c = 1; c <= 5; ++c) sh.Blank(row, c, fm.in_money);
      ++row;
    }
    sh.NumberRange(begin, 1, row - 1, 5, -1e15, 1e15, money_message);
    ++row;
  }
  auto table = [&](const char* first, const char* note, int rows) {
    sh.Text(row, 0, first, fm.header);
    sh.Text(row, 1, "金额", fm.header);
    sh.Merge(row, 2, row, 5, note, fm.header);
    ++row;
    const int begin = row;
    for (int i = 0; i < rows; ++i, ++row) {
      sh.Blank(row, 0, fm.in_text);
      sh.Blank(row, 1, fm.in_money);
      sh.Merge(row, 2, row, 5, "", fm.in_text);
    }
    sh.NumberRange(begin, 1, row - 1, 1, -1e15, 1e15, money_message);
    sh.Text(row, 0, kFundsTotal, fm.label_center);
    sh.Formula(row, 1, "=SUM(" + CellRef(begin, 1) + ":" + CellRef(row - 1, 1) + ")", fm.sum);
    sh.Merge(row, 2, row, 5, "", fm.label);
    row += 2;
  };
  table(kFundsSources, "备注", kSourceRows);
  table(kFundsUses, "备注（如 3297 人次）", kUseRows);
  const char* headers[] = {kFundsYear, "年初结余", "本年收入", "本年支出", "年末结余", "年初+收入−支出"};
  for (int c = 0; c < 6; ++c) sh.Text(row, c, headers[c], fm.header);
  ++row;
  const int begin = row;
  for (int i = 0; i < kBalanceRows; ++i, ++row) {
    sh.Blank(row, 0, fm.in_as_text);
    for (int c = 1; c <= 4; ++c) sh.Blank(row, c, fm.in_money);
    std::string b = CellRef(row, 1), c = CellRef(row, 2), d = CellRef(row, 3);
    sh.FormulaText(row, 5, "=IF(COUNT(" + b + ":" + d + ")=3," + b + "+" + c + "-" + d + ",\"\")", fm.sum, "");
  }
  sh.NumberRange(begin, 1, row - 1, 4, -1e15, 1e15, money_message);
  sh.Protect(true);
  sh.PrintSetup(false, -1);
}

// ---- 指标 ----

// 编码, the names by level, then the texts and the inputs; with target
// rules (self-evaluation), 年度指标值, 实际完成值 and 偏差原因 too.
struct IndicatorColumns {
  int levels = 3;
  bool deeper = false;
  bool targets = false;
  int Name(int k) const { return 1 + k; }
  int weight() const { return 1 + levels; }
  int kind() const { return 2 + levels; }
  int criteria() const { return 3 + levels; }
  int needs() const { return 4 + levels; }
  int target() const { return 5 + levels; }
  int actual() const { return 6 + levels; }
  int deviation() const { return 7 + levels; }
  int judgement() const { return (targets ? 8 : 5) + levels; }
  int score() const { return judgement() + 1; }
  int reason() const { return judgement() + 2; }
  int evidence() const { return judgement() + 3; }
};


void LeafPaths(const Indicator& n, std::vector<const Indicator*>& path,
               std::vector<std::vector<const Indicator*>>& out) {
  path.push_back(&n);
  if (n.IsLeaf()) out.push_back(path);
  for (const auto& c : n.children) LeafPaths(c, path, out);
  path.pop_back();
}

std::string Join(const std::vector<std::string>& parts, const char* sep) {
  std::string s;
  for (const auto& p : parts) s += (s.empty() ? "" : sep) + p;
  return s;
}


// The tier lists of the qualitative rules, one column each on 选项.
class OptionLists {
 public:
  // The range formula for a list, added on first use.
  std::string Range(const std::vector<std::string>& items) {
    std::string key = Join(items, "\n");
    auto it = columns_.find(key);
    int col = it != columns_.end() ? it->second : static_cast<int>(lists_.size());
    if (it == columns_.end()) {
      columns_[key] = col;
      lists_.push_back(items);
    }
    return "=" + std::string(kOptionsSheet) + "!$" + ColumnLetters(col) + "$1:$" +
           ColumnLetters(col) + "$" + std::to_string(items.size());
  }
  void Write(lxw_workbook* wb, const Formats& fm, const std::string& path) const {
    if (lists_.empty()) return;
    Sheet sh(wb, kOptionsSheet, path);
    for (size_t c = 0; c < lists_.size(); ++c)
      for (size_t r = 0; r < lists_[c].size(); ++r)
        sh.Text(static_cast<int>(r), static_cast<int>(c), lists_[c][r], fm.label);
    worksheet_hide(sh.ws());
    sh.Protect(false);
  }

 private:
  std::map<std::string, int> columns_;
  std::vector<std::vector<std::string>> lists_;
};

void WriteIndicators(lxw_workbook* wb, const Formats& fm, const IndicatorSystem& sys,
                     OptionLists& options, const std::string& path) {
  Sheet sh(wb, kIndicatorSheet, path);
  IndicatorColumns col;
  col.levels = std::min(3, std::max(1, sys.Depth()));
  col.deeper = sys.Depth() > 3;
  sys.ForEach([&](const Indicator& i) {  // 年度指标值 columns when a leaf's kind takes them
    if (i.rule && UnitOf(i.rule->kind).Workbook(i, *i.rule, sys).targets) col.targets = true;
  });
  sh.Column(0, 8);
  for (int k = 0; k < col.levels; ++k) sh.Column(col.Name(k), col.levels == 1 ? 16 : 12);
  sh.Column(col.weight(), 5.5);
  sh.Column(col.kind(), 9);
  sh.Column(col.criteria(), 40);
  sh.Column(col.needs(), 34);
  if (col.targets) {
    sh.Column(col.target(), 12);
    sh.Column(col.actual(), 12);
    sh.Column(col.deviation(), 22);
  }
  sh.Column(col.judgement(), 9);
  sh.Column(col.score(), 7);
  sh.Column(col.reason(), 26);
  sh.Column(col.evidence(), 26);
  TitleAndHint(
      sh, fm, col.evidence(), sys.name + " — 指标评分",
      "每个末级指标一行，评价要点在其下逐行列出。浅黄色为填写处：要点逐项选 是/否（分要点评分的指标按各要点行的提示填写不满足项数或要点得分）；“满足得满分”的指标选 是/否；"
      "定性指标选档次并填写得分；专家评定的指标填写得分；由数据计算的指标读取“数据”表，不必在此填写，"
      "若在“得分”列填写，即为评价组调整得分（须写理由）。得分低于满分时须写扣分原因。");
  static const char* kLevelNames[] = {"一级指标", "二级指标", "三级指标"};
  const int header = 2;
  sh.Text(header, 0, kIndCode, fm.header);
  for (int k = 0; k < col.levels; ++k)
    sh.Text(header, col.Name(k), k == 2 && col.deeper ? "三级及以下指标" : kLevelNames[k], fm.header);
  sh.Text(header, col.weight(), "分值", fm.header);
  sh.Text(header, col.kind(), "评分方式", fm.header);
  sh.Text(header, col.criteria(), "评分标准", fm.header);
  sh.Text(header, col.needs(), "评价要点/所需数据", fm.header);
  if (col.targets) {
    sh.Text(header, col.target(), kIndTarget, fm.header);
    sh.Text(header, col.actual(), kIndActual, fm.header);
    sh.Text(header, col.deviation(), kIndDeviation, fm.header);
  }
  sh.Text(header, col.judgement(), kIndJudgement, fm.header);
  sh.Text(header, col.score(), kIndScore, fm.header);
  sh.Text(header, col.reason(), kIndReason, fm.header);
  sh.Text(header, col.evidence(), kIndEvidence, fm.header);
  sh.RowHeight(header, Height(2));

  std::vector<std::vector<const Indicator*>> leaves;
  std::vector<const Indicator*> walk;
  for (const auto& r : sys.roots) LeafPaths(r, walk, leaves);
  // Each leaf's first row and row count: one for the indicator, one per item.
  std::vector<int> first(leaves.size()), count(leaves.size());
  std::vector<WorkbookEntry> entries;  // what each leaf's rule kind asks for
  int row = header + 1;
  for (size_t i = 0; i < leaves.size(); ++i) {
    const Indicator& leaf = *leaves[i].back();
    entries.push_back(UnitOf(leaf.rule->kind).Workbook(leaf, *leaf.rule, sys));  // rules/kinds/
    first[i] = row;
    count[i] = 1 + static_cast<int>(entries.back().items.size());
    row += count[i];
  }
  const size_t levels = static_cast<size_t>(col.levels);
  for (size_t i = 0; i < leaves.size(); ++i) {
    const auto& path = leaves[i];
    const Indicator& leaf = *path.back();
    const Rule& r = *leaf.rule;
    const WorkbookEntry& entry = entries[i];
    const int top = first[i], bottom = first[i] + count[i] - 1;
    // Names by level, merged down over every row a node covers.
    for (size_t k = 0; k < levels; ++k) {
      const int c = col.Name(static_cast<int>(k));
      if (k + 1 == levels && path.size() > levels) {
        std::vector<std::string> names;
        for (size_t j = k; j < path.size(); ++j) names.push_back(Label(*path[j]));
        sh.Merge(top, c, bottom, c, Join(names, " / "), fm.label_top);
        continue;
      }
      if (k >= path.size()) {
        sh.Merge(top, c, bottom, c, "", fm.na);
        continue;
      }
      const Indicator* node = path[k];
      auto same = [&](size_t j) { return leaves[j].size() > k && leaves[j][k] == node; };
      if (i > 0 && same(i - 1)) continue;
      size_t j = i;
      while (j + 1 < leaves.size() && same(j + 1)) ++j;
      sh.Merge(top, c, first[j] + count[j] - 1, c, Label(*node), fm.label_top);
    }
    sh.Merge(top, 0, top, 0, leaf.code, fm.label_center);
    sh.MergeNumber(top, col.weight(), bottom, col.weight(), Num(leaf.weight), fm.number);
    sh.Merge(top, col.kind(), bottom, col.kind(), UnitOf(r.kind).Label(), fm.label_center);
    sh.Merge(top, col.criteria(), bottom, col.criteria(), leaf.criteria, fm.label_top);
    const std::string& needs = entry.needs;
    sh.Text(top, col.needs(), needs, fm.label);
    // 评价 on the indicator row: 是/否, a tier, or nothing to fill.
    const int jc = col.judgement();
    if (entry.judgement == WorkbookEntry::Judgement::kYesNo) {
      sh.Blank(top, jc, fm.in_center);
      sh.List(top, jc, top, jc, {"是", "否"});
    } else if (entry.judgement == WorkbookEntry::Judgement::kChoice) {
      sh.Blank(top, jc, fm.in_center);
      sh.ListFormula(top, jc, options.Range(entry.choices));
    } else if (entry.judgement == WorkbookEntry::Judgement::kCount) {
      sh.Blank(top, jc, fm.in_center);
      sh.NumberRange(top, jc, top, jc, 0, kMaxCountInput, "请填写 0 或正整数（家数、项数）。");
    } else {
      sh.Blank(top, jc, fm.na);
    }
    if (col.targets) {
      bool target = entry.targets;
      if (target && !entry.stated_target.empty())
        sh.Merge(top, col.target(), bottom, col.target(), entry.stated_target, fm.label_center);
      else
        sh.Merge(top, col.target(), bottom, col.target(), "", target ? fm.in_center : fm.na);
      sh.Merge(top, col.actual(), bottom, col.actual(), "", target ? fm.in_center : fm.na);
      sh.Merge(top, col.deviation(), bottom, col.deviation(), "", target ? fm.in_text_top : fm.na);
    }
    // 得分, 扣分原因, 佐证材料: one input each, merged over the item rows.
    sh.Merge(top, col.score(), bottom, col.score(), "", fm.in_number);
    sh.NumberRange(top, col.score(), top, col.score(), 0, Num(leaf.weight),
               fmt::format("得分应在 0 到 {} 分之间。", leaf.weight.ToShort(kScorePlaces)));
    sh.Merge(top, col.reason(), bottom, col.reason(), "", fm.in_text_top);
    sh.Merge(top, col.evidence(), bottom, col.evidence(), "", fm.in_text_top);
    std::vector<std::tuple<int, int, std::string>> fit = {{col.needs(), col.needs(), needs}};
    if (count[i] == 1) {
      fit.emplace_back(col.criteria(), col.criteria(), leaf.criteria);
      for (size_t k = 0; k < levels && k < path.size(); ++k)
        fit.emplace_back(col.Name(static_cast<int>(k)), col.Name(static_cast<int>(k)),
                         Label(*path[k]));
    }
    // Room for a reason where the evaluator writes one.
    sh.Fit(top, fit, entry.judged && count[i] == 1 ? 3 : 1);
    for (int n = 1; n < count[i]; ++n) {
      const int at = top + n;
      const std::string& text = entry.items[static_cast<size_t>(n - 1)];
      sh.Text(at, 0, leaf.code + "-" + std::to_string(n), fm.label_center);
      sh.Text(at, col.needs(), text, fm.label);
      using Input = WorkbookEntry::ItemInput;
      const Input input = entry.item_inputs.empty() ? Input::kYesNo : entry.item_inputs[static_cast<size_t>(n - 1)];
      sh.Blank(at, jc, input == Input::kNone ? fm.na : fm.in_center);
      if (input == Input::kYesNo) sh.List(at, jc, at, jc, {"是", "否"});
      if (input == Input::kCount) sh.NumberRange(at, jc, at, jc, 0, kMaxCountInput, "请填写不满足的项数（0 或正整数）。");
      if (input == Input::kScore)
        sh.NumberRange(at, jc, at, jc, 0, Num(leaf.weight), "请填写该要点得分，不超过该要点分值。");
      sh.Fit(at, {{col.needs(), col.needs(), text}});
    }
    if (count[i] > 1) {
      // The merged 评分标准 must fit in the rows it spans.
      double have = 0;
      for (int at = top; at <= bottom; ++at) have += sh.RowHeightOf(at);
      double need = Height(WrappedLines(leaf.criteria, sh.Width(col.criteria(), col.criteria())));
      if (need > have) {
        double extra = (need - have) / count[i];
        for (int at = top; at <= bottom; ++at) sh.RowHeight(at, sh.RowHeightOf(at) + extra);
      }
    }
  }
  worksheet_freeze_panes(sh.ws(), header + 1, 1);
  sh.Protect(false);
  sh.PrintSetup(true, header);
}

// ---- 减分项 ----

void WriteDeductions(lxw_workbook* wb, const Formats& fm, const IndicatorSystem& sys,
                     const std::string& path) {
  Sheet sh(wb, kDeductionSheet, path);
  sh.Column(0, 6);
  sh.Column(1, 80);
  sh.Column(2, 8);
  TitleAndHint(sh, fm, 2, fmt::format("减分项（合计不超过 {} 分）", sys.deduction_cap->ToShort(kScorePlaces)),
               "每行一项：减分原因照评价结论填写，扣分为正数。没有减分项时留空。");
  sh.Text(2, 0, kDedNo, fm.header);
  sh.Text(2, 1, kDedReason, fm.header);
  sh.Text(2, 2, kDedPoints, fm.header);
  for (int i = 0; i < kDeductionRows; ++i) {
    sh.Number(3 + i, 0, i + 1, fm.number);
    sh.Blank(3 + i, 1, fm.in_text);
    sh.Blank(3 + i, 2, fm.in_number);
    sh.RowHeight(3 + i, Height(2));
  }
  sh.NumberRange(3, 2, 2 + kDeductionRows, 2, 0, 100, "扣分应为不小于 0 的数字。");
  worksheet_freeze_panes(sh.ws(), 3, 0);
  sh.Protect(true);
  sh.PrintSetup(false, 2);
}

// ---- 满意度 ----

void WriteSurveys(lxw_workbook* wb, const Formats& fm, const std::string& path) {
  Sheet sh(wb, kSurveySheet, path);
  const int last = kOptionColumns;  // columns B..I hold options
  sh.Column(0, 10);
  for (int c = 1; c <= last; ++c) sh.Column(c, 11);
  TitleAndHint(sh, fm, last, "满意度调查",
               "问卷题目：填写编号（如 Q1，公式中写作 Q1.熟悉、Q1.合计）、题目、各选项及选择人数。"
               "满意度评价：填写编号（如 满意度，公式中写作 满意度.平均）和各评价项目的满意率。不用的块留空。");
  int row = 3;
  for (int b = 0; b < kQuestionBlocks; ++b) {
    sh.Text(row, 0, kSurveyId, fm.header);
    sh.Blank(row, 1, fm.in_text);
    sh.Text(row, 2, "题目", fm.header);
    sh.Merge(row, 3, row, last, "", fm.in_text);
    sh.RowHeight(row, Height(2));
    sh.Text(row + 1, 0, kSurveyOptions, fm.header);
    sh.Text(row + 2, 0, kSurveyCounts, fm.header);
    for (int c = 1; c <= last; ++c) {
      sh.Blank(row + 1, c, fm.in_center);
      sh.Blank(row + 2, c, fm.in_count);
    }
    sh.Whole(row + 2, 1, row + 2, last);
    row += 4;
  }
  for (int b = 0; b < kRatedBlocks; ++b) {
    sh.Text(row, 0, kSurveyId, fm.header);
    sh.Blank(row, 1, fm.in_text);
    sh.Text(row, 2, "标题", fm.header);
    sh.Merge(row, 3, row, last, "", fm.in_text);
    ++row;
    sh.Merge(row, 0, row, last - 2, kSurveyItems, fm.header);
    sh.Merge(row, last - 1, row, last, kSurveyRate, fm.header);
    ++row;
    const int begin = row;
    for (int i = 0; i < kRatedRows; ++i, ++row) {
      sh.Merge(row, 0, row, last - 2, "", fm.in_text);
      sh.Merge(row, last - 1, row, last, "", fm.in_percent);
    }
    sh.NumberRange(begin, last - 1, row - 1, last - 1, 0, 1, "满意率应在 0 到 100% 之间，如 94.52%。");
    ++row;
  }
  sh.Protect(false);
  sh.PrintSetup(false, -1);
}

}  // namespace

void WriteCollectWorkbook(const IndicatorSystem& sys, const std::string& path) {
  WriteProjectWorkbook(path, [&](lxw_workbook* wb) {
    std::string title = sys.name + " 数据采集表";
    lxw_doc_properties props = {};
    props.title = const_cast<char*>(title.c_str());
    props.subject = const_cast<char*>(sys.name.c_str());
    props.comments = const_cast<char*>("jixiao init");
    SetWorkbookProperties(wb, props);
    Formats fm(wb);
    OptionLists options;
    WriteGuide(wb, fm, sys, path);
    WriteInfo(wb, fm, sys, path);
    WriteData(wb, fm, sys, path);
    WriteFunds(wb, fm, sys, path);
    WriteIndicators(wb, fm, sys, options, path);
    if (sys.deduction_cap) WriteDeductions(wb, fm, sys, path);
    WriteSurveys(wb, fm, path);
    options.Write(wb, fm, path);
  });
}

}  // namespace jixiao

// The message table: every diagnostic jixiao prints, in Chinese and
// English, with a stable id. Arguments are fmt-style {} in order.
#pragma once

#include "diagnostics.h"

namespace jixiao::msg {

// Files and syntax
inline constexpr MessageDef kCannotRead{"cannot-read", "无法读取文件（不存在或无权限）", "cannot read the file (missing or not readable)"};
inline constexpr MessageDef kYamlSyntax{"yaml-syntax", "YAML 语法错误：{}", "YAML syntax error: {}"};
inline constexpr MessageDef kCannotWrite{"cannot-write", "无法写入：{}", "cannot write: {}"};

// Shape of the files
inline constexpr MessageDef kUnknownKey{"unknown-key", "未知的键“{}”（可用：{}）", "unknown key '{}' (expected one of: {})"};
inline constexpr MessageDef kMissingKey{"missing-key", "缺少必填项“{}”", "missing required key '{}'"};
inline constexpr MessageDef kExpectedMap{"expected-map", "“{}”应为键值映射", "'{}' should be a mapping of keys to values"};
inline constexpr MessageDef kExpectedList{"expected-list", "“{}”应为列表", "'{}' should be a list"};
inline constexpr MessageDef kExpectedText{"expected-text", "“{}”应为文字", "'{}' should be text"};
inline constexpr MessageDef kExpectedNumber{"expected-number", "应为数字，实际为“{}”", "expected a number, found \"{}\""};
inline constexpr MessageDef kExpectedYesNo{"expected-yes-no", "应为 是/否（true/false），实际为“{}”", "expected yes/no (true/false), found \"{}\""};
inline constexpr MessageDef kBadChoice{"bad-choice", "“{}”不是可选值（可选：{}）", "'{}' is not one of: {}"};
inline constexpr MessageDef kEmptyList{"empty-list", "“{}”不能为空", "'{}' must not be empty"};
inline constexpr MessageDef kMustBePositive{"must-be-positive", "“{}”必须为正数", "'{}' must be positive"};
inline constexpr MessageDef kBadPlaces{"bad-places", "显示位数 {} 应为 0 到 8 的整数", "places {} should be a whole number from 0 to 8"};
inline constexpr MessageDef kDidYouMean{"did-you-mean", "（是否应为“{}”？）", " (did you mean '{}'?)"};

// Indicator systems
inline constexpr MessageDef kDuplicateCode{"duplicate-code", "指标编码 {} 重复", "indicator code {} is used twice"};
inline constexpr MessageDef kWeightSum{"weight-sum", "下级指标权重合计 {}，与本指标权重 {} 不符", "the children's weights sum to {}, but the weight is {}"};
inline constexpr MessageDef kRootWeightSum{"root-weight-sum", "一级指标权重合计 {}，与体系总分 {} 不符", "the top-level weights sum to {}, but the system's total is {}"};
inline constexpr MessageDef kLeafWithoutRule{"leaf-without-rule", "末级指标缺少评分规则（rule）", "a leaf indicator needs a scoring rule (rule)"};
inline constexpr MessageDef kRuleOnParent{"rule-on-parent", "有下级指标的指标不能有评分规则：得分由下级汇总", "an indicator with children cannot have a rule: its score is the sum of its children"};
inline constexpr MessageDef kUnknownRuleKind{"unknown-rule-kind", "未知的评分规则类型“{}”（可用：{}）", "unknown rule kind '{}' (expected one of: {})"};
inline constexpr MessageDef kFormulaSyntax{"formula-syntax", "公式“{}”有误：{}", "formula '{}' is malformed: {}"};
inline constexpr MessageDef kBandsOrder{"bands-order", "评分区间应从高到低排列：{} 不低于上一档的 {}", "bands must go from high to low: {} is not below the previous band's {}"};
inline constexpr MessageDef kBandAfterElse{"band-after-else", "没有下限（min）的区间必须是最后一档", "a band without a min must be the last one"};
inline constexpr MessageDef kPassAboveFull{"pass-above-full", "及格线（pass）必须低于满分线（full）", "pass must be below full"};
inline constexpr MessageDef kGradesOrder{"grades-order", "评价等级应从高到低排列", "grades must go from the highest band to the lowest"};
inline constexpr MessageDef kBadGradeRange{"bad-grade-range", "等级区间“{}”应写作“80-89”", "grade range '{}' should be written like '80-89'"};

// Projects
inline constexpr MessageDef kUnknownIndicator{"unknown-indicator", "指标 {} 不在指标体系 {} 中", "indicator {} is not in the system {}"};
inline constexpr MessageDef kAnswerForParent{"answer-for-parent", "指标 {} 有下级指标，得分由下级汇总，不能直接填写（体系 {}）", "indicator {} has children; its score is their sum and cannot be given (system {})"};
inline constexpr MessageDef kDuplicateAnswer{"duplicate-answer", "指标 {} 的评分数据重复", "indicator {} is answered twice"};
inline constexpr MessageDef kNoSuchPoint{"no-such-point", "第 {} 项不存在：该指标的评分要点共 {} 项", "point {} does not exist: the indicator has {} points"};
inline constexpr MessageDef kMissingAnswer{"missing-answer", "评分规则 {} 需要评价组填写数据（answers 中的 {}），项目未提供", "rule {} needs the evaluator's answer ({} under answers), which the project does not give"};
inline constexpr MessageDef kMissingAnswerField{"missing-answer-field", "缺少“{}”", "missing '{}'"};
inline constexpr MessageDef kAnswerFieldNotForRule{"answer-field-not-for-rule", "评分规则 {} 只接受：{}", "rule {} takes only: {}"};
inline constexpr MessageDef kScoreAboveWeight{"score-above-weight", "得分 {} 超过满分 {}", "score {} is above the weight {}"};
inline constexpr MessageDef kScoreNeedsReason{"score-needs-reason", "得分 {}（满分 {}）须填写原因（reason）", "score {} (of {}) needs a reason"};
inline constexpr MessageDef kScoreOutsideTier{"score-outside-tier", "得分 {} 不在“{}”档的范围 [{}, {}{} 内", "score {} is outside tier '{}', [{}, {}{}"};
inline constexpr MessageDef kRuleNeedsName{"rule-needs-name", "评分规则需要数据“{}”，项目 {} 未提供", "the rule needs '{}', which the project {} does not give"};
inline constexpr MessageDef kUnknownName{"unknown-name", "公式引用了未定义的名称“{}”", "the formula uses '{}', which is not defined"};
inline constexpr MessageDef kMetricCycle{"metric-cycle", "指标计算公式“{}”循环引用了自身", "metric '{}' depends on itself"};
inline constexpr MessageDef kDuplicateName{"duplicate-name", "名称“{}”重复定义", "the name '{}' is defined twice"};
inline constexpr MessageDef kDuplicateSurvey{"duplicate-survey", "问卷编号“{}”重复", "survey id '{}' is used twice"};
inline constexpr MessageDef kBadCount{"bad-count", "人数应为非负整数，实际为 {}", "a count must be a whole number, found {}"};
inline constexpr MessageDef kCountsMismatch{"counts-mismatch", "人数共 {} 项，选项共 {} 项，应一一对应", "{} counts for {} options: they must pair up"};
inline constexpr MessageDef kRateOutOfRange{"rate-out-of-range", "比率 {} 超出允许范围（上限 {}）", "rate {} is out of range (limit {})"};
inline constexpr MessageDef kDeductionsWithoutCap{"deductions-without-cap", "项目有减分项，但指标体系 {} 未规定减分上限（deduction_cap）", "the project has deductions but the system {} sets no deduction_cap"};
inline constexpr MessageDef kFormulaEval{"formula-eval", "公式“{}”无法计算：{}", "formula '{}' cannot be computed: {}"};

}  // namespace jixiao::msg

namespace jixiao::msg {
// Reports and templates
inline constexpr MessageDef kTemplateDirMissing{"template-dir-missing", "模板文件夹不存在", "the templates folder does not exist"};
inline constexpr MessageDef kTemplateSyntax{"template-syntax", "模板语法错误：{}", "template syntax error: {}"};
inline constexpr MessageDef kTemplateUnknownVariable{"template-unknown-variable", "模板使用了未知的变量“{}”（变量表见 docs/templates.md）", "the template uses an unknown variable '{}' (see docs/templates.md)"};
inline constexpr MessageDef kMissingFragment{"missing-fragment", "模板需要文字片段 {}，但该文件不存在", "the template needs the text fragment {}, which does not exist"};

// Reading .xlsx workbooks (xlsx_reader.cpp)
inline constexpr MessageDef kXlsxNotZip{"xlsx-not-zip", "不是有效的 .xlsx 工作簿，无法按 zip 读取（{}）；加密的工作簿请先取消密码", "not a valid .xlsx workbook, cannot be read as a zip ({}); remove the password from an encrypted workbook first"};
inline constexpr MessageDef kXlsxMissingPart{"xlsx-missing-part", "工作簿缺少部件 {}", "the workbook has no part {}"};
inline constexpr MessageDef kXlsxDamaged{"xlsx-damaged", "部件 {} 无法解压：{}", "part {} cannot be inflated: {}"};
inline constexpr MessageDef kXlsxXml{"xlsx-xml", "部件 {} 的 XML 有误：{}", "part {} is not well-formed XML: {}"};
inline constexpr MessageDef kXlsxDoctype{"xlsx-doctype", "部件 {} 含 DOCTYPE 声明；工作簿不需要 DTD 或实体定义，拒绝读取", "part {} has a DOCTYPE; a workbook never needs a DTD or entities, so it is refused"};
inline constexpr MessageDef kXlsxFileTooLarge{"xlsx-file-too-large", "文件大小 {} 字节，超过上限 {} 字节", "the file is {} bytes, above the limit of {}"};
inline constexpr MessageDef kXlsxTooManyEntries{"xlsx-too-many-entries", "zip 条目超过 {} 个，拒绝读取（可能是恶意文件）", "more than {} zip entries: refused (possibly a malicious file)"};
inline constexpr MessageDef kXlsxEntryTooLarge{"xlsx-entry-too-large", "部件 {} 解压后超过 {} 字节，拒绝读取（可能是 zip 炸弹）", "part {} inflates to more than {} bytes: refused (possibly a zip bomb)"};
inline constexpr MessageDef kXlsxTotalTooLarge{"xlsx-total-too-large", "工作簿解压后合计超过 {} 字节，拒绝读取（可能是 zip 炸弹）", "the workbook inflates to more than {} bytes in all: refused (possibly a zip bomb)"};
inline constexpr MessageDef kXlsxTooDeep{"xlsx-too-deep", "部件 {} 的 XML 嵌套超过 {} 层，拒绝读取", "part {} nests XML deeper than {} levels: refused"};
inline constexpr MessageDef kXlsxTooManyCells{"xlsx-too-many-cells", "单元格超过 {} 个，拒绝读取", "more than {} cells: refused"};
inline constexpr MessageDef kXlsxTooMuchText{"xlsx-too-much-text", "单元格文字合计超过 {} 字节，拒绝读取", "the cells' text exceeds {} bytes in all: refused"};
inline constexpr MessageDef kXlsxBadCellRef{"xlsx-bad-cell-ref", "单元格引用“{}”无效", "invalid cell reference '{}'"};
inline constexpr MessageDef kXlsxBadSharedString{"xlsx-bad-shared-string", "共享字符串编号“{}”不存在（共 {} 个）", "shared string '{}' does not exist (the table has {})"};
}  // namespace jixiao::msg

namespace jixiao::msg {
inline constexpr MessageDef kTextDirMissing{"text-dir-missing", "文字片段文件夹 {} 不存在", "the fragments folder {} does not exist"};
}  // namespace jixiao::msg

// Exact decimal numbers for every figure jixiao computes or prints.
//
// Takes decimal text ("925.59", "78.43%", "-3") and gives exact values:
// sums, products and quotients are exact rationals (GMP mpq), so 925.59 /
// 1022.04 is held exactly and only rounded when a stated display precision
// asks for it. Rounding is 四舍五入: half away from zero.
#pragma once

#include <gmpxx.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace jixiao {

class Decimal {
 public:
  Decimal() = default;
  Decimal(long v) : q_(v) {}  // NOLINT: small integers read naturally
  explicit Decimal(const mpq_class& q) : q_(q) { q_.canonicalize(); }
  explicit Decimal(mpq_class&& q) : q_(std::move(q)) { q_.canonicalize(); }
  Decimal(const Decimal&) = default;
  Decimal& operator=(const Decimal&) = default;
  // gmpxx's move constructor is not noexcept (it re-initialises the source,
  // which allocates), so std::vector would copy every Decimal, and every
  // struct holding one, when it grows. GMP does not throw: it aborts when
  // memory runs out, so the move is declared as what it is.
  Decimal(Decimal&& o) noexcept : q_(std::move(o.q_)) {}
  Decimal& operator=(Decimal&& o) noexcept {
    q_.swap(o.q_);
    return *this;
  }

  // Parses "12", "-3.5", "1,022.04", "90.56%" (a percent sign divides by
  // 100). Rejects anything else, including exponents and binary floats.
  static std::optional<Decimal> Parse(std::string_view text);

  // GMP's arithmetic on canonical operands gives canonical results, so the
  // result is moved in as it is: no copy, no second gcd.
  Decimal operator+(const Decimal& o) const { return Decimal(mpq_class(q_ + o.q_), kCanonical); }
  Decimal operator-(const Decimal& o) const { return Decimal(mpq_class(q_ - o.q_), kCanonical); }
  Decimal operator*(const Decimal& o) const { return Decimal(mpq_class(q_ * o.q_), kCanonical); }
  // Division by zero is the caller's to prevent; it aborts in GMP.
  Decimal operator/(const Decimal& o) const { return Decimal(mpq_class(q_ / o.q_), kCanonical); }
  Decimal operator-() const { return Decimal(mpq_class(-q_), kCanonical); }
  Decimal& operator+=(const Decimal& o) { q_ += o.q_; return *this; }
  Decimal& operator-=(const Decimal& o) { q_ -= o.q_; return *this; }

  bool operator==(const Decimal& o) const { return q_ == o.q_; }
  bool operator!=(const Decimal& o) const { return q_ != o.q_; }
  bool operator<(const Decimal& o) const { return q_ < o.q_; }
  bool operator<=(const Decimal& o) const { return q_ <= o.q_; }
  bool operator>(const Decimal& o) const { return q_ > o.q_; }
  bool operator>=(const Decimal& o) const { return q_ >= o.q_; }

  bool IsZero() const { return sgn(q_) == 0; }
  bool IsInteger() const { return q_.get_den() == 1; }
  int Sign() const { return sgn(q_); }

  // Half-up (away from zero) at `places` decimals.
  Decimal Round(int places) const;
  Decimal Ceil() const;
  Decimal Floor() const;
  Decimal Abs() const { return Sign() < 0 ? -*this : *this; }

  // Fixed notation after rounding: ToFixed(2) of 3 is "3.00".
  std::string ToFixed(int places) const;
  // Rounded, then trailing zeros dropped: "3", "4.71", "25.7". This is how
  // the seeds print scores.
  std::string ToShort(int places = 2) const;
  // A rate (0.9056) as a percent with `places` decimals: "90.56%".
  std::string ToPercent(int places = 2) const;
  // The same with trailing zeros dropped, for thresholds: "95%", "62.5%".
  std::string ToPercentShort(int places = 2) const;
  // The exact value when it has a finite decimal form of at most 12
  // places, otherwise rounded to 12: for messages and JSON of raw values.
  std::string ToExactString() const;

  const mpq_class& Raw() const { return q_; }

 private:
  enum CanonicalTag { kCanonical };
  Decimal(mpq_class&& q, CanonicalTag) : q_(std::move(q)) {}
  mpq_class q_;
};

inline Decimal Min(const Decimal& a, const Decimal& b) { return b < a ? b : a; }
inline Decimal Max(const Decimal& a, const Decimal& b) { return a < b ? b : a; }

}  // namespace jixiao

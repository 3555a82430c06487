// Transacties: how writes become durable. Writes happen inside a transaction opened with
// begin(); a message or command is one unit inside it (a savepoint): unit_begin(), then
// unit_commit() or unit_rollback(), so that each is all-or-nothing.
#pragma once

#include <cstdint>

#include "domain/status.h"

namespace jr::store {

class Transacties {
 public:
  virtual ~Transacties() = default;

  // Starts a write transaction. FailedPrecondition if one is open; Unavailable if locked.
  virtual Status begin() = 0;
  // Commits it durably. Unavailable on I/O failure (the transaction is then rolled back).
  virtual Status commit() = 0;
  // Rolls back the open transaction; a no-op without one.
  virtual void rollback() = 0;
  // A unit (message, command) inside the open transaction: all of it or none of it.
  virtual Status unit_begin() = 0;
  virtual Status unit_commit() = 0;
  virtual void unit_rollback() = 0;
  // Changes whenever another connection (process) has committed to the store since the
  // previous call; this connection's own commits leave it alone. Lets a caller keep what it
  // read across its own transactions and drop it when someone else wrote.
  virtual Result<int64_t> data_versie() = 0;
};

// `f()` (a Status or Result) inside one transaction of `t`: committed when it returns Ok, rolled
// back otherwise; the commit's failure when the commit fails.
template <class F>
auto in_transactie(Transacties& t, F&& f) -> decltype(f()) {
  JR_RETURN_IF_ERROR(t.begin());
  auto r = f();
  if (!r.ok()) {
    t.rollback();
    return r;
  }
  Status c = t.commit();
  if (!c.ok()) return c;
  return r;
}

}  // namespace jr::store

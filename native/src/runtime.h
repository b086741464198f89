// Process-wide engine state shared by the translation units: devices, threads, live-object counting.
#pragma once

#include <c10/core/Device.h>

#include <atomic>
#include <cstdint>

namespace mm {

// Parses "cpu", "cuda" or "cuda:N" and checks the loaded libtorch can use it; throws InvalidArgument /
// NotAvailable with a message that names the string.
c10::Device parse_device(const char* device);

// libtorch's intra-op thread count is per OS thread (OpenMP); compute entry points call this so the count
// chosen with mm_set_num_threads holds on whichever thread the managed caller runs.
void apply_thread_setting();

// Counts native objects handed out through the ABI so tests can prove nothing leaks.
extern std::atomic<int64_t> live_objects;

}  // namespace mm

/*
 * fuzz.h — every fuzz target defines LLVMFuzzerTestOneInput. Built with
 * clang and -fsanitize=fuzzer for fuzzing (make fuzz), or with replay.c as a
 * plain program that runs the seed corpus (every make test).
 */
#ifndef RP_FUZZ_H
#define RP_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif

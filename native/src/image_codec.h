// Shared helpers of the image codec translation units (image_decode.cpp, image_encode.cpp).
#pragma once

#include <cstdint>
#include <string>

#include "error.h"

namespace mm::image {

// Rejects null/negative/oversized encoded buffers with a clear message (stb takes an int length).
int checked_length(const uint8_t* encoded, int64_t length);

// Names the container from its magic bytes, for messages ("PNG", "JPEG", ..., or "unknown format").
std::string sniff_format(const uint8_t* encoded, int64_t length);

}  // namespace mm::image

// mm_image_info / mm_image_decode: header query and decoding into a caller-provided planar buffer.
#include <cstdlib>
#include <cstring>
#include <limits>
#include <memory>
#include <string>

#include <stb/stb_image.h>

#include "image_codec.h"
#include "momentum_native_image.h"

namespace mm::image {

int checked_length(const uint8_t* encoded, int64_t length) {
  require(encoded, "encoded");
  if (length <= 0) throw InvalidArgument("the encoded image is empty (0 bytes)");
  if (length > std::numeric_limits<int>::max()) {
    throw InvalidArgument("the encoded image is " + std::to_string(length) + " bytes; at most 2 GiB is supported");
  }
  return static_cast<int>(length);
}

std::string sniff_format(const uint8_t* d, int64_t n) {
  auto starts = [&](const char* magic, int64_t size) { return n >= size && std::memcmp(d, magic, size) == 0; };
  if (starts("\x89PNG\r\n\x1a\n", 8)) return "PNG";
  if (starts("\xff\xd8\xff", 3)) return "JPEG";
  if (starts("GIF87a", 6) || starts("GIF89a", 6)) return "GIF";
  if (starts("BM", 2)) return "BMP";
  if (starts("8BPS", 4)) return "PSD";
  if (starts("#?RADIANCE", 10) || starts("#?RGBE", 6)) return "HDR";
  if (n >= 2 && d[0] == 'P' && d[1] >= '1' && d[1] <= '6') return "PNM";
  return "unknown format";
}

namespace {

struct StbFree {
  void operator()(stbi_uc* pixels) const noexcept { stbi_image_free(pixels); }
};

std::string reason() {
  const char* text = stbi_failure_reason();
  return text != nullptr && *text != '\0' ? text : "no reason given";
}

void read_info(const uint8_t* encoded, int64_t length, int32_t* width, int32_t* height, int32_t* channels) {
  const int size = checked_length(encoded, length);
  int w = 0, h = 0, c = 0;
  if (stbi_info_from_memory(encoded, size, &w, &h, &c) == 0) {
    throw InvalidArgument("not a readable image (" + sniff_format(encoded, length) + ", " +
                          std::to_string(length) + " bytes): " + reason());
  }
  if (w <= 0 || h <= 0 || c < 1 || c > 4) {
    throw InvalidArgument("the image header declares " + std::to_string(w) + "x" + std::to_string(h) + " pixels with " +
                          std::to_string(c) + " channels");
  }
  *width = w;
  *height = h;
  *channels = c;
}

}  // namespace
}  // namespace mm::image

extern "C" MM_API int32_t mm_image_info(const uint8_t* encoded, int64_t length, int32_t* width, int32_t* height,
                                        int32_t* channels) {
  return mm::guarded([&] {
    mm::require(width, "width");
    mm::require(height, "height");
    mm::require(channels, "channels");
    mm::image::read_info(encoded, length, width, height, channels);
  });
}

extern "C" MM_API int32_t mm_image_decode(const uint8_t* encoded, int64_t length, uint8_t* destination,
                                          int64_t capacity, int32_t* width, int32_t* height, int32_t* channels) {
  return mm::guarded([&] {
    mm::require(width, "width");
    mm::require(height, "height");
    mm::require(channels, "channels");
    if (capacity < 0) throw mm::InvalidArgument("capacity must not be negative");
    // Size query first: it validates the header and lets the caller size the buffer before any decoding.
    int32_t w = 0, h = 0, c = 0;
    mm::image::read_info(encoded, length, &w, &h, &c);
    *width = w;
    *height = h;
    *channels = c;
    if (destination == nullptr && capacity == 0) return;
    mm::require(destination, "destination");
    const int64_t plane = static_cast<int64_t>(w) * h;
    if (capacity < plane * c) {
      throw mm::InvalidArgument("the destination holds " + std::to_string(capacity) + " bytes; the " + std::to_string(w) +
                                "x" + std::to_string(h) + "x" + std::to_string(c) + " image needs " +
                                std::to_string(plane * c));
    }
    int dw = 0, dh = 0, dc = 0;
    std::unique_ptr<stbi_uc, mm::image::StbFree> pixels(
        stbi_load_from_memory(encoded, static_cast<int>(length), &dw, &dh, &dc, 0));
    if (!pixels) {
      throw mm::InvalidArgument("the " + mm::image::sniff_format(encoded, length) + " image (" + std::to_string(w) + "x" +
                                std::to_string(h) + ", " + std::to_string(length) +
                                " bytes) could not be decoded: " + mm::image::reason());
    }
    if (dw != w || dh != h || dc != c) {
      throw mm::InvalidArgument("the decoder produced " + std::to_string(dw) + "x" + std::to_string(dh) + "x" +
                                std::to_string(dc) + " pixels for a header of " + std::to_string(w) + "x" +
                                std::to_string(h) + "x" + std::to_string(c));
    }
    // stb returns interleaved pixels (HWC); the ABI is planar (CHW).
    const stbi_uc* source = pixels.get();
    if (c == 1) {
      std::memcpy(destination, source, static_cast<size_t>(plane));
      return;
    }
    for (int32_t k = 0; k < c; ++k) {
      uint8_t* out = destination + k * plane;
      const stbi_uc* in = source + k;
      for (int64_t i = 0; i < plane; ++i) out[i] = in[i * c];
    }
  });
}

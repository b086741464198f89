// mm_image_encode: planar 8-bit pixels -> PNG, JPEG or BMP bytes in a caller-provided buffer.
#include <cstring>
#include <string>
#include <vector>

#include <stb/stb_image_write.h>

#include "image_codec.h"
#include "momentum_native_image.h"

namespace {

void append(void* context, void* data, int size) {
  // stb's callback cannot report failure; a bad_alloc here would unwind through C code, so it is caught and
  // remembered instead.
  auto* state = static_cast<std::pair<std::vector<uint8_t>, bool>*>(context);
  if (state->second) return;
  try {
    const auto* bytes = static_cast<const uint8_t*>(data);
    state->first.insert(state->first.end(), bytes, bytes + size);
  } catch (...) {
    state->second = true;
  }
}

}  // namespace

extern "C" MM_API int32_t mm_image_encode(const uint8_t* pixels, int32_t width, int32_t height, int32_t channels,
                                          int32_t format, int32_t quality, uint8_t* destination, int64_t capacity,
                                          int64_t* length) {
  return mm::guarded([&] {
    mm::require(pixels, "pixels");
    mm::require(length, "length");
    if (width <= 0 || height <= 0 || width > (1 << 14) || height > (1 << 14)) {
      throw mm::InvalidArgument("cannot encode a " + std::to_string(width) + "x" + std::to_string(height) +
                                " image; each side must be in [1, 16384]");
    }
    if (channels < 1 || channels > 4) {
      throw mm::InvalidArgument("cannot encode " + std::to_string(channels) + " channels; expected 1 to 4");
    }
    if (format == MM_IMAGE_JPEG && (quality < 1 || quality > 100)) {
      throw mm::InvalidArgument("JPEG quality " + std::to_string(quality) + " is outside [1, 100]");
    }
    if (capacity < 0) throw mm::InvalidArgument("capacity must not be negative");
    const size_t plane = static_cast<size_t>(width) * height;
    std::vector<uint8_t> interleaved(plane * channels);
    for (int32_t c = 0; c < channels; ++c) {
      const uint8_t* in = pixels + c * plane;
      for (size_t i = 0; i < plane; ++i) interleaved[i * channels + c] = in[i];
    }
    std::pair<std::vector<uint8_t>, bool> state;
    int ok = 0;
    switch (format) {
      case MM_IMAGE_PNG:
        ok = stbi_write_png_to_func(append, &state, width, height, channels, interleaved.data(), width * channels);
        break;
      case MM_IMAGE_JPEG:
        ok = stbi_write_jpg_to_func(append, &state, width, height, channels, interleaved.data(), quality);
        break;
      case MM_IMAGE_BMP:
        ok = stbi_write_bmp_to_func(append, &state, width, height, channels, interleaved.data());
        break;
      default:
        throw mm::InvalidArgument("unknown image format " + std::to_string(format) + "; expected 0 (PNG), 1 (JPEG) or 2 (BMP)");
    }
    if (state.second) throw std::bad_alloc();
    if (ok == 0) throw std::runtime_error("stb_image_write failed to encode the image");
    *length = static_cast<int64_t>(state.first.size());
    if (destination == nullptr || capacity < *length) return;
    std::memcpy(destination, state.first.data(), state.first.size());
  });
}

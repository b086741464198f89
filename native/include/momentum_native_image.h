// Image codec part of the flat C ABI of libmomentum_native: decoding (PNG, JPEG, BMP, GIF first frame, and
// the other formats stb_image reads) and encoding (PNG, JPEG, BMP) of 8-bit images, over Debian's libstb-dev
// headers. No libtorch is involved. Conventions as in momentum_native.h: every function returns an mm_status,
// mm_last_error() explains a failure, no exception crosses the ABI, and all pixel memory belongs to the caller.
//
// Pixel layout: planar (channel-major), row-major inside a plane: value (c, y, x) is at c*H*W + y*W + x.
// Channel counts: 1 gray, 2 gray + alpha, 3 RGB, 4 RGBA. Pixels are never converted between channel counts
// here; the managed side does that (ITU-R BT.601 luma), so raw and encoded inputs are converted alike.
#ifndef MOMENTUM_NATIVE_IMAGE_H
#define MOMENTUM_NATIVE_IMAGE_H

#include <stdint.h>

#include "momentum_native.h"

#ifdef __cplusplus
extern "C" {
#endif

// Reads the header of an encoded image without decoding its pixels: width, height and the channel count
// the image decodes to. Fails with MM_INVALID_ARGUMENT when the bytes are not a supported or valid image.
MM_API int32_t mm_image_info(const uint8_t* encoded, int64_t length, int32_t* width, int32_t* height,
                             int32_t* channels);

// Decodes an encoded image (a GIF's first frame) into destination, planar, with the channel count that
// mm_image_info reports. capacity must be at least width*height*channels; the size is written to
// width/height/channels in any case, so a call with destination == NULL and capacity == 0 is a size query.
// A truncated or corrupt image fails with MM_INVALID_ARGUMENT and the decoder's reason.
MM_API int32_t mm_image_decode(const uint8_t* encoded, int64_t length, uint8_t* destination, int64_t capacity,
                               int32_t* width, int32_t* height, int32_t* channels);

typedef enum mm_image_format {
  MM_IMAGE_PNG = 0,
  MM_IMAGE_JPEG = 1,  // quality 1..100; alpha is dropped by the format
  MM_IMAGE_BMP = 2
} mm_image_format;

// Encodes planar pixels (channels 1..4) into destination. *length receives the encoded size. When
// destination is NULL or capacity is smaller than that size nothing is written and the call still succeeds:
// the caller allocates *length bytes and calls again. quality is used by JPEG only.
MM_API int32_t mm_image_encode(const uint8_t* pixels, int32_t width, int32_t height, int32_t channels,
                               int32_t format, int32_t quality, uint8_t* destination, int64_t capacity,
                               int64_t* length);

#ifdef __cplusplus
}
#endif
#endif

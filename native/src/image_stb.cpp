// The one translation unit that compiles the stb_image and stb_image_write implementations (from
// Debian's libstb-dev headers). Built into libmomentum_native with hidden visibility, so the library needs
// no libstb at run time and exports none of stb's symbols. Only the image_*.cpp files call stb.
#define STB_IMAGE_IMPLEMENTATION
#define STB_IMAGE_WRITE_IMPLEMENTATION
// Longer, user-facing failure reasons ("Corrupt PNG" -> what exactly is wrong).
#define STBI_FAILURE_USERMSG
// 16384 pixels per side (a 268-megapixel image) is far beyond any classifier input; refusing larger
// headers keeps a corrupt or hostile file from requesting gigabytes.
#define STBI_MAX_DIMENSIONS (1 << 14)

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wall"
#pragma GCC diagnostic ignored "-Wextra"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wimplicit-fallthrough"
#pragma GCC diagnostic ignored "-Wunused-function"
#endif
#include <stb/stb_image.h>
#include <stb/stb_image_write.h>
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

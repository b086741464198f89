// Flat C ABI of the Microsoft.ML.Momentum native engine (C++17 over libtorch).
//
// Every function returns an mm_status. On failure mm_last_error() returns a message for the calling
// thread that stays valid until that thread's next failing call. No C++ exception ever crosses this ABI.
#ifndef MOMENTUM_NATIVE_H
#define MOMENTUM_NATIVE_H

#include <stdint.h>

#if defined(MOMENTUM_NATIVE_BUILD)
#define MM_API __attribute__((visibility("default")))
#else
#define MM_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

typedef enum mm_status {
  MM_OK = 0,
  MM_ERROR = 1,              // any other failure inside libtorch or the shim
  MM_INVALID_ARGUMENT = 2,   // bad shape, label, option, device string, null pointer
  MM_OUT_OF_MEMORY = 3,      // host or device allocation failed
  MM_NOT_AVAILABLE = 4,      // e.g. CUDA requested from a CPU-only libtorch
  MM_IO_ERROR = 5            // file could not be read or written
} mm_status;

typedef struct mm_model mm_model;
typedef struct mm_tensor mm_tensor;

// ---- runtime -------------------------------------------------------------------------------------
MM_API const char* mm_last_error(void);
MM_API int32_t mm_torch_version(const char** version);
MM_API int32_t mm_set_num_threads(int32_t threads);
MM_API int32_t mm_get_num_threads(int32_t* threads);
MM_API int32_t mm_manual_seed(uint64_t seed);
// libtorch's default generator state for a device (dropout masks, random init), for exact resumption.
// With buffer == NULL only *length is written.
MM_API int32_t mm_rng_state(const char* device, uint8_t* buffer, int64_t capacity, int64_t* length);
MM_API int32_t mm_set_rng_state(const char* device, const uint8_t* buffer, int64_t length);
MM_API int32_t mm_cuda_device_count(int32_t* count);
// Validates a device string ("cpu", "cuda", "cuda:N") against what the loaded libtorch offers.
MM_API int32_t mm_check_device(const char* device);
// Number of native objects (models, tensors) created and not yet freed.
MM_API int64_t mm_live_object_count(void);

// ---- tensors (flat float32 vectors on a device) ----------------------------------------------------
MM_API int32_t mm_tensor_from_host(const float* data, int64_t length, const char* device, mm_tensor** out);
MM_API int32_t mm_tensor_zeros(int64_t length, const char* device, mm_tensor** out);
MM_API int32_t mm_tensor_length(const mm_tensor* tensor, int64_t* length);
MM_API int32_t mm_tensor_copy_to_host(const mm_tensor* tensor, float* destination, int64_t length);
MM_API int32_t mm_tensor_copy_from_host(mm_tensor* tensor, const float* source, int64_t length);
// Host address of a CPU tensor's data (error for device tensors).
MM_API int32_t mm_tensor_host_data(mm_tensor* tensor, float** data);
MM_API void mm_tensor_free(mm_tensor* tensor);

// ---- models --------------------------------------------------------------------------------------
// architecture: image "mlp" | "cnn" | "resnet" (float input [N, C, H, W]); text "embedding_bag" | "textcnn" |
// "transformer" (int64 token ids [N, L], 0 = padding). options: "key=value;key=value" (zoo.cpp, text_zoo.cpp).
MM_API int32_t mm_model_create(const char* architecture, const char* options, const char* device, uint64_t seed,
                               mm_model** out);
MM_API void mm_model_free(mm_model* model);
MM_API int32_t mm_model_parameter_count(const mm_model* model, int64_t* count);
MM_API int32_t mm_model_class_count(const mm_model* model, int64_t* count);
// Shape of one input example (without the batch dimension): *ndim entries written into shape.
MM_API int32_t mm_model_example_shape(const mm_model* model, int64_t* shape, int32_t capacity, int32_t* ndim);
// Views of the flat parameter / gradient buffers (new tensor handles that share the model's storage).
MM_API int32_t mm_model_parameters(mm_model* model, mm_tensor** out);
MM_API int32_t mm_model_gradients(mm_model* model, mm_tensor** out);
MM_API int32_t mm_model_set_training(mm_model* model, int32_t training);
// One training step: zero grads, forward, mean cross-entropy, backward. Inputs are borrowed, not copied
// (on CPU). shape has ndim entries, shape[0] = batch size; labels has batch size entries in [0, classes).
MM_API int32_t mm_model_train_step(mm_model* model, const float* inputs, const int64_t* shape, int32_t ndim,
                                   const int64_t* labels, double* loss, int64_t* correct);
// Inference: logits (batch × classes, row-major) written into logits; no gradients are recorded.
MM_API int32_t mm_model_forward(mm_model* model, const float* inputs, const int64_t* shape, int32_t ndim,
                                float* logits, int64_t logits_length);
// The same two calls for text networks: tokens are int64 ids [N, L] (shape has 2 entries), 0 = padding.
MM_API int32_t mm_model_train_step_tokens(mm_model* model, const int64_t* tokens, const int64_t* shape, int32_t ndim,
                                          const int64_t* labels, double* loss, int64_t* correct);
MM_API int32_t mm_model_forward_tokens(mm_model* model, const int64_t* tokens, const int64_t* shape, int32_t ndim,
                                       float* logits, int64_t logits_length);
// 0: float inputs (images), 1: token ids (text).
MM_API int32_t mm_model_input_kind(const mm_model* model, int32_t* kind);
MM_API int32_t mm_model_save(const mm_model* model, const char* path);
MM_API int32_t mm_model_load(mm_model* model, const char* path);

#ifdef __cplusplus
}
#endif
#endif

// Models behind mm_model handles: a zoo network whose trainable parameters are views into one flat
// float32 tensor and whose gradients are views into another, so both have stable data pointers.
#include <torch/torch.h>

#include <sstream>

#include "network.h"
#include "tensor_handle.h"

struct mm_model {
  mm_model(std::string arch, std::unique_ptr<mm::Network> net, c10::Device dev)
      : architecture(std::move(arch)), network(std::move(net)), device(dev) {
    mm::live_objects.fetch_add(1);
  }
  ~mm_model() { mm::live_objects.fetch_sub(1); }
  mm_model(const mm_model&) = delete;
  mm_model& operator=(const mm_model&) = delete;

  std::string architecture;
  std::unique_ptr<mm::Network> network;
  c10::Device device;
  torch::Tensor parameters;  // all trainable parameters, contiguous
  torch::Tensor gradients;   // their gradients, same layout
};

namespace {

constexpr int64_t kWeightsFormatVersion = 1;

std::unique_ptr<mm::Network> create_network(const std::string& architecture, mm::ModelOptions& options) {
  auto network = mm::create_image_network(architecture, options);
  if (!network) network = mm::create_text_network(architecture, options);
  if (!network) {
    throw mm::InvalidArgument("unknown architecture '" + architecture +
                              "': expected one of mlp, cnn, resnet, embedding_bag, textcnn, transformer");
  }
  options.reject_unknown();
  return network;
}

mm_model& model_of(mm_model* model) { return *mm::require(model, "model"); }
const mm_model& model_of(const mm_model* model) { return *mm::require(model, "model"); }

// Moves every trainable parameter into one flat buffer and points its gradient at a flat gradient buffer.
void flatten_parameters(mm_model& model) {
  auto params = model.network->module().parameters(/*recurse=*/true);
  int64_t total = 0;
  for (const auto& p : params) total += p.numel();
  const auto options = torch::TensorOptions().dtype(torch::kFloat).device(model.device);
  model.parameters = torch::empty({total}, options);
  model.gradients = torch::zeros({total}, options);
  torch::NoGradGuard no_grad;
  int64_t offset = 0;
  for (auto& p : params) {
    const int64_t n = p.numel();
    auto value = model.parameters.narrow(0, offset, n).view(p.sizes());
    value.copy_(p);
    p.set_data(value);
    p.mutable_grad() = model.gradients.narrow(0, offset, n).view(p.sizes());
    offset += n;
  }
}

std::string shape_text(const int64_t* shape, int32_t ndim) {
  std::ostringstream text;
  text << '[';
  for (int32_t i = 0; i < ndim; ++i) text << (i ? ", " : "") << shape[i];
  text << ']';
  return text.str();
}

std::string expected_shape_text(const mm::Network& network) {
  std::ostringstream text;
  text << "[N";
  for (const auto d : network.example_shape) text << ", " << d;
  text << ']';
  return text.str();
}

// Wraps borrowed host inputs as a tensor of the model's input shape, on the model's device.
torch::Tensor input_tensor(const mm_model& model, const float* inputs, const int64_t* shape, int32_t ndim) {
  mm::require(shape, "shape");
  if (model.network->input_kind != mm::InputKind::Dense) {
    throw mm::InvalidArgument("architecture '" + model.architecture + "' takes token ids, not float inputs");
  }
  const auto& expected = model.network->example_shape;
  bool matches = ndim == static_cast<int32_t>(expected.size()) + 1 && shape[0] >= 1;
  for (size_t i = 0; matches && i < expected.size(); ++i) matches = shape[i + 1] == expected[i];
  if (!matches) {
    throw mm::InvalidArgument("input shape " + shape_text(shape, ndim) + " does not match the model's input " +
                              expected_shape_text(*model.network));
  }
  auto host = torch::from_blob(const_cast<float*>(mm::require(inputs, "inputs")),
                               torch::IntArrayRef(shape, static_cast<size_t>(ndim)), torch::kFloat);
  return model.device.is_cpu() ? host : host.to(model.device);
}

// Wraps borrowed token ids [N, L] (0 = padding), checks their range and pads to the network's minimum length.
torch::Tensor token_tensor(const mm_model& model, const int64_t* tokens, const int64_t* shape, int32_t ndim) {
  mm::require(shape, "shape");
  const auto& network = *model.network;
  if (network.input_kind != mm::InputKind::Tokens) {
    throw mm::InvalidArgument("architecture '" + model.architecture + "' takes float inputs, not token ids");
  }
  if (ndim != 2 || shape[0] < 1 || shape[1] < 1) {
    throw mm::InvalidArgument("token shape " + shape_text(shape, ndim) + " must be [N, L] with N, L >= 1");
  }
  const int64_t count = shape[0] * shape[1];
  mm::require(tokens, "tokens");
  for (int64_t i = 0; i < count; ++i) {
    if (tokens[i] < 0 || tokens[i] >= network.vocabulary) {
      throw mm::InvalidArgument("token id " + std::to_string(tokens[i]) + " of example " + std::to_string(i / shape[1]) +
                                " (position " + std::to_string(i % shape[1]) + ") is outside the vocabulary [0, " +
                                std::to_string(network.vocabulary) + ")");
    }
  }
  auto x = torch::from_blob(const_cast<int64_t*>(tokens), {shape[0], shape[1]}, torch::kLong);
  if (!model.device.is_cpu()) x = x.to(model.device);
  if (shape[1] < network.min_length) x = torch::constant_pad_nd(x, {0, network.min_length - shape[1]}, 0);
  return x;
}

torch::Tensor label_tensor(const mm_model& model, const int64_t* labels, int64_t batch) {
  mm::require(labels, "labels");
  for (int64_t i = 0; i < batch; ++i) {
    if (labels[i] < 0 || labels[i] >= model.network->classes) {
      throw mm::InvalidArgument("label " + std::to_string(labels[i]) + " at batch position " + std::to_string(i) +
                                " is outside [0, " + std::to_string(model.network->classes) + ")");
    }
  }
  auto host = torch::from_blob(const_cast<int64_t*>(labels), {batch}, torch::kLong);
  return model.device.is_cpu() ? host : host.to(model.device);
}

void train_on(mm_model& m, const torch::Tensor& x, const int64_t* labels, double* loss, int64_t* correct) {
  mm::require(loss, "loss");
  mm::require(correct, "correct");
  const auto y = label_tensor(m, labels, x.size(0));
  m.gradients.zero_();
  const auto logits = m.network->forward(x);
  const auto value = torch::nn::functional::cross_entropy(logits, y);
  value.backward();
  *loss = value.item<double>();
  *correct = logits.argmax(1).eq(y).sum().item<int64_t>();
}

void forward_into(mm_model& m, const torch::Tensor& x, float* logits, int64_t logits_length) {
  const int64_t batch = x.size(0);
  const int64_t expected = batch * m.network->classes;
  if (logits_length != expected) {
    throw mm::InvalidArgument("logits buffer holds " + std::to_string(logits_length) + " floats; " + std::to_string(batch) +
                              " examples x " + std::to_string(m.network->classes) + " classes need " + std::to_string(expected));
  }
  torch::NoGradGuard no_grad;
  const auto result = m.network->forward(x);
  auto host = torch::from_blob(mm::require(logits, "logits"), {batch, m.network->classes}, torch::kFloat);
  host.copy_(result);
}

}  // namespace

extern "C" {

MM_API int32_t mm_model_create(const char* architecture, const char* options, const char* device, uint64_t seed,
                               mm_model** out) {
  return mm::guarded([&] {
    mm::require(out, "out");
    const std::string arch = mm::require(architecture, "architecture");
    const auto target = mm::parse_device(device);
    mm::ModelOptions parsed(arch, options);
    torch::manual_seed(seed);  // parameter initialisation is a function of the seed alone
    auto network = create_network(arch, parsed);
    network->module().to(target);
    auto model = std::make_unique<mm_model>(arch, std::move(network), target);
    flatten_parameters(*model);
    *out = model.release();
  });
}

MM_API void mm_model_free(mm_model* model) {
  try {
    delete model;
  } catch (...) {
  }
}

MM_API int32_t mm_model_parameter_count(const mm_model* model, int64_t* count) {
  return mm::guarded([&] { *mm::require(count, "count") = model_of(model).parameters.numel(); });
}

MM_API int32_t mm_model_class_count(const mm_model* model, int64_t* count) {
  return mm::guarded([&] { *mm::require(count, "count") = model_of(model).network->classes; });
}

MM_API int32_t mm_model_example_shape(const mm_model* model, int64_t* shape, int32_t capacity, int32_t* ndim) {
  return mm::guarded([&] {
    const auto& dims = model_of(model).network->example_shape;
    if (capacity < static_cast<int32_t>(dims.size())) {
      throw mm::InvalidArgument("example shape has " + std::to_string(dims.size()) + " dimensions; capacity is " +
                                std::to_string(capacity));
    }
    for (size_t i = 0; i < dims.size(); ++i) mm::require(shape, "shape")[i] = dims[i];
    *mm::require(ndim, "ndim") = static_cast<int32_t>(dims.size());
  });
}

MM_API int32_t mm_model_parameters(mm_model* model, mm_tensor** out) {
  return mm::guarded([&] { *mm::require(out, "out") = new mm_tensor(model_of(model).parameters); });
}

MM_API int32_t mm_model_gradients(mm_model* model, mm_tensor** out) {
  return mm::guarded([&] { *mm::require(out, "out") = new mm_tensor(model_of(model).gradients); });
}

MM_API int32_t mm_model_set_training(mm_model* model, int32_t training) {
  return mm::guarded([&] { model_of(model).network->module().train(training != 0); });
}

MM_API int32_t mm_model_train_step(mm_model* model, const float* inputs, const int64_t* shape, int32_t ndim,
                                   const int64_t* labels, double* loss, int64_t* correct) {
  return mm::guarded([&] {
    auto& m = model_of(model);
    mm::apply_thread_setting();
    train_on(m, input_tensor(m, inputs, shape, ndim), labels, loss, correct);
  });
}

MM_API int32_t mm_model_train_step_tokens(mm_model* model, const int64_t* tokens, const int64_t* shape, int32_t ndim,
                                          const int64_t* labels, double* loss, int64_t* correct) {
  return mm::guarded([&] {
    auto& m = model_of(model);
    mm::apply_thread_setting();
    train_on(m, token_tensor(m, tokens, shape, ndim), labels, loss, correct);
  });
}

MM_API int32_t mm_model_forward(mm_model* model, const float* inputs, const int64_t* shape, int32_t ndim,
                                float* logits, int64_t logits_length) {
  return mm::guarded([&] {
    auto& m = model_of(model);
    mm::apply_thread_setting();
    forward_into(m, input_tensor(m, inputs, shape, ndim), logits, logits_length);
  });
}

MM_API int32_t mm_model_forward_tokens(mm_model* model, const int64_t* tokens, const int64_t* shape, int32_t ndim,
                                       float* logits, int64_t logits_length) {
  return mm::guarded([&] {
    auto& m = model_of(model);
    mm::apply_thread_setting();
    forward_into(m, token_tensor(m, tokens, shape, ndim), logits, logits_length);
  });
}

MM_API int32_t mm_model_input_kind(const mm_model* model, int32_t* kind) {
  return mm::guarded([&] { *mm::require(kind, "kind") = static_cast<int32_t>(model_of(model).network->input_kind); });
}

MM_API int32_t mm_model_save(const mm_model* model, const char* path) {
  return mm::guarded([&] {
    const auto& m = model_of(model);
    const std::string file = mm::require(path, "path");
    torch::serialize::OutputArchive archive;
    archive.write("format_version", torch::tensor(kWeightsFormatVersion));
    archive.write("parameters", m.parameters.detach().to(torch::kCPU));
    for (const auto& buffer : m.network->module().named_buffers(/*recurse=*/true)) {
      archive.write("buffer." + buffer.key(), buffer.value().detach().to(torch::kCPU), /*is_buffer=*/true);
    }
    try {
      archive.save_to(file);
    } catch (const c10::Error& e) {
      throw mm::IoError("cannot write model weights to '" + file + "': " + e.what_without_backtrace());
    }
  });
}

MM_API int32_t mm_model_load(mm_model* model, const char* path) {
  return mm::guarded([&] {
    auto& m = model_of(model);
    const std::string file = mm::require(path, "path");
    torch::serialize::InputArchive archive;
    try {
      archive.load_from(file);
    } catch (const c10::Error& e) {
      throw mm::IoError("cannot read model weights from '" + file + "': " + e.what_without_backtrace());
    }
    torch::Tensor version, parameters;
    if (!archive.try_read("format_version", version) || version.item<int64_t>() != kWeightsFormatVersion) {
      throw mm::InvalidArgument("'" + file + "' is not a weights file of format version " +
                                std::to_string(kWeightsFormatVersion));
    }
    archive.read("parameters", parameters);
    if (parameters.numel() != m.parameters.numel()) {
      throw mm::InvalidArgument("'" + file + "' holds " + std::to_string(parameters.numel()) +
                                " parameters; this '" + m.architecture + "' model has " +
                                std::to_string(m.parameters.numel()));
    }
    torch::NoGradGuard no_grad;
    for (auto& buffer : m.network->module().named_buffers(/*recurse=*/true)) {
      torch::Tensor stored;
      if (!archive.try_read("buffer." + buffer.key(), stored, /*is_buffer=*/true) ||
          !stored.sizes().equals(buffer.value().sizes())) {
        throw mm::InvalidArgument("'" + file + "' lacks buffer '" + buffer.key() + "' of this model or has another shape");
      }
      buffer.value().copy_(stored);
    }
    m.parameters.copy_(parameters);
  });
}

}  // extern "C"

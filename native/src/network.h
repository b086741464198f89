// The model zoo's common shape: a torch::nn module plus a forward function and its per-example input shape.
#pragma once

#include <torch/torch.h>

#include <memory>
#include <string>
#include <vector>

#include "model_options.h"

namespace mm {

// What a network consumes: float images [N, C, H, W] or int64 token ids [N, L] (0 = padding).
enum class InputKind { Dense = 0, Tokens = 1 };

struct Network {
  virtual ~Network() = default;
  virtual torch::nn::Module& module() = 0;
  virtual torch::Tensor forward(const torch::Tensor& input) = 0;

  InputKind input_kind = InputKind::Dense;
  std::vector<int64_t> example_shape;  // input shape of one example, e.g. {1, 28, 28}; {-1} for token sequences
  int64_t classes = 0;
  int64_t vocabulary = 0;              // token networks: ids must lie in [0, vocabulary)
  int64_t min_length = 1;              // token networks: shorter sequences are right-padded with 0
};

// Image zoo ("mlp", "cnn", "resnet"); nullptr for a name it does not know.
std::unique_ptr<Network> create_image_network(const std::string& architecture, ModelOptions& options);
// Text zoo ("embedding_bag", "textcnn", "transformer"); nullptr for a name it does not know.
std::unique_ptr<Network> create_text_network(const std::string& architecture, ModelOptions& options);

}  // namespace mm

// The model zoo's common shape: a torch::nn module plus a forward function and its per-example input shape.
#pragma once

#include <torch/torch.h>

#include <memory>
#include <string>
#include <vector>

#include "model_options.h"

namespace mm {

struct Network {
  virtual ~Network() = default;
  virtual torch::nn::Module& module() = 0;
  virtual torch::Tensor forward(const torch::Tensor& input) = 0;

  std::vector<int64_t> example_shape;  // input shape of one example, e.g. {1, 28, 28}
  int64_t classes = 0;
};

// Builds the network named by architecture ("mlp", "cnn") from its options; throws InvalidArgument for an
// unknown architecture or option.
std::unique_ptr<Network> create_network(const std::string& architecture, ModelOptions& options);

}  // namespace mm

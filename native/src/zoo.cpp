// The image model zoo. Options common to image networks: channels, height, width (input) and classes.
#include "network.h"

#include "error.h"

namespace mm {

namespace {

struct SequentialNetwork : Network {
  torch::nn::Sequential layers;
  torch::nn::Module& module() override { return *layers; }
  torch::Tensor forward(const torch::Tensor& input) override { return layers->forward(input); }
};

struct ImageInput {
  int64_t channels, height, width, classes;
};

ImageInput read_image_input(ModelOptions& options) {
  ImageInput input{};
  input.channels = options.integer("channels", 1, 1, 64);
  input.height = options.integer("height", 28, 1, 4096);
  input.width = options.integer("width", 28, 1, 4096);
  input.classes = options.integer("classes", 10, 2, 1000000);
  return input;
}

void finish(Network& network, const ImageInput& input) {
  network.example_shape = {input.channels, input.height, input.width};
  network.classes = input.classes;
}

// Multi-layer perceptron: flatten → (Linear → ReLU → Dropout)* → Linear.
std::unique_ptr<Network> create_mlp(ModelOptions& options) {
  const auto input = read_image_input(options);
  const auto hidden = options.integers("hidden", {128}, 1, 1 << 20);
  const double dropout = options.real("dropout", 0.0, 0.0, 0.99);
  auto network = std::make_unique<SequentialNetwork>();
  network->layers->push_back(torch::nn::Flatten());
  int64_t width = input.channels * input.height * input.width;
  for (const auto units : hidden) {
    network->layers->push_back(torch::nn::Linear(width, units));
    network->layers->push_back(torch::nn::ReLU());
    if (dropout > 0) network->layers->push_back(torch::nn::Dropout(dropout));
    width = units;
  }
  network->layers->push_back(torch::nn::Linear(width, input.classes));
  finish(*network, input);
  return network;
}

// Small CNN: (Conv3×3 → ReLU → MaxPool2)* per entry of "filters" → flatten → Linear → ReLU → Linear.
std::unique_ptr<Network> create_cnn(ModelOptions& options) {
  const auto input = read_image_input(options);
  const auto filters = options.integers("filters", {32, 64}, 1, 4096);
  const int64_t hidden = options.integer("hidden", 128, 1, 1 << 20);
  const double dropout = options.real("dropout", 0.0, 0.0, 0.99);
  auto network = std::make_unique<SequentialNetwork>();
  int64_t channels = input.channels, height = input.height, width = input.width;
  for (const auto count : filters) {
    if (height < 2 || width < 2) {
      throw InvalidArgument("architecture 'cnn': a " + std::to_string(input.height) + "x" + std::to_string(input.width) +
                            " input is too small for " + std::to_string(filters.size()) + " pooling stages");
    }
    network->layers->push_back(torch::nn::Conv2d(torch::nn::Conv2dOptions(channels, count, 3).padding(1)));
    network->layers->push_back(torch::nn::ReLU());
    network->layers->push_back(torch::nn::MaxPool2d(torch::nn::MaxPool2dOptions(2)));
    channels = count;
    height /= 2;
    width /= 2;
  }
  network->layers->push_back(torch::nn::Flatten());
  network->layers->push_back(torch::nn::Linear(channels * height * width, hidden));
  network->layers->push_back(torch::nn::ReLU());
  if (dropout > 0) network->layers->push_back(torch::nn::Dropout(dropout));
  network->layers->push_back(torch::nn::Linear(hidden, input.classes));
  finish(*network, input);
  return network;
}

}  // namespace

std::unique_ptr<Network> create_network(const std::string& architecture, ModelOptions& options) {
  std::unique_ptr<Network> network;
  if (architecture == "mlp") {
    network = create_mlp(options);
  } else if (architecture == "cnn") {
    network = create_cnn(options);
  } else {
    throw InvalidArgument("unknown architecture '" + architecture + "': expected 'mlp' or 'cnn'");
  }
  options.reject_unknown();
  return network;
}

}  // namespace mm

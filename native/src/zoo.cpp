// The image model zoo. Options common to image networks: channels, height, width (input) and classes.
// Every network takes float input [N, channels, height, width].
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

// CIFAR-style ResNet (He et al. 2016, §4.2): a 3×3 stem, three stages of `blocks` basic blocks with widths
// w, 2w, 4w (stride 2 at the start of stages 2 and 3, 1×1 projection shortcuts), global average pooling,
// linear. depth = 6·blocks + 2 (ResNet-20: depth 20, width 16).
struct BasicBlockImpl : torch::nn::Module {
  BasicBlockImpl(int64_t in, int64_t out, int64_t stride)
      : conv1(register_module("conv1", torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, 3).stride(stride).padding(1).bias(false)))),
        bn1(register_module("bn1", torch::nn::BatchNorm2d(out))),
        conv2(register_module("conv2", torch::nn::Conv2d(torch::nn::Conv2dOptions(out, out, 3).padding(1).bias(false)))),
        bn2(register_module("bn2", torch::nn::BatchNorm2d(out))) {
    if (stride != 1 || in != out) {
      shortcut = register_module("shortcut", torch::nn::Sequential(
          torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, 1).stride(stride).bias(false)), torch::nn::BatchNorm2d(out)));
    }
  }
  torch::Tensor forward(const torch::Tensor& x) {
    auto y = torch::relu(bn1(conv1(x)));
    y = bn2(conv2(y));
    return torch::relu(y + (shortcut ? shortcut->forward(x) : x));
  }
  torch::nn::Conv2d conv1;
  torch::nn::BatchNorm2d bn1;
  torch::nn::Conv2d conv2;
  torch::nn::BatchNorm2d bn2;
  torch::nn::Sequential shortcut{nullptr};
};
TORCH_MODULE(BasicBlock);

struct ResNetImpl : torch::nn::Module {
  ResNetImpl(int64_t channels, int64_t width, int64_t blocks, int64_t classes)
      : stem(register_module("stem", torch::nn::Sequential(
            torch::nn::Conv2d(torch::nn::Conv2dOptions(channels, width, 3).padding(1).bias(false)),
            torch::nn::BatchNorm2d(width), torch::nn::ReLU()))),
        stages(register_module("stages", torch::nn::Sequential())),
        head(register_module("head", torch::nn::Linear(4 * width, classes))) {
    int64_t in = width;
    for (int64_t stage = 0; stage < 3; ++stage) {
      const int64_t out = width << stage;
      for (int64_t b = 0; b < blocks; ++b) {
        stages->push_back(BasicBlock(in, out, (stage > 0 && b == 0) ? 2 : 1));
        in = out;
      }
    }
  }
  torch::Tensor forward(const torch::Tensor& x) {
    auto y = stages->forward(stem->forward(x));
    return head(torch::adaptive_avg_pool2d(y, {1, 1}).flatten(1));
  }
  torch::nn::Sequential stem, stages;
  torch::nn::Linear head;
};
TORCH_MODULE(ResNet);

struct ResNetNetwork : Network {
  ResNet net{nullptr};
  torch::nn::Module& module() override { return *net; }
  torch::Tensor forward(const torch::Tensor& input) override { return net->forward(input); }
};

std::unique_ptr<Network> create_resnet(ModelOptions& options) {
  const auto input = read_image_input(options);
  const int64_t depth = options.integer("depth", 20, 8, 1202);
  const int64_t width = options.integer("base_width", 16, 1, 1024);
  if ((depth - 2) % 6 != 0) {
    throw InvalidArgument("model option 'depth' for architecture 'resnet' is '" + std::to_string(depth) +
                          "': expected 6n+2 (8, 14, 20, 32, 44, 56, 110, ...)");
  }
  auto network = std::make_unique<ResNetNetwork>();
  network->net = ResNet(input.channels, width, (depth - 2) / 6, input.classes);
  finish(*network, input);
  return network;
}

}  // namespace

std::unique_ptr<Network> create_image_network(const std::string& architecture, ModelOptions& options) {
  if (architecture == "mlp") return create_mlp(options);
  if (architecture == "cnn") return create_cnn(options);
  if (architecture == "resnet") return create_resnet(options);
  return nullptr;
}

}  // namespace mm

// The text model zoo. Every network takes int64 token ids [N, L], right-padded with 0 (the padding id), and
// the options vocabulary (number of ids, padding and unknown included) and classes.
#include "network.h"

#include "error.h"

namespace mm {

namespace {

struct TextInput {
  int64_t vocabulary, classes, dim;
};

TextInput read_text_input(ModelOptions& options, int64_t default_dim) {
  TextInput input{};
  input.vocabulary = options.integer("vocabulary", 0, 2, int64_t(1) << 31);
  if (input.vocabulary == 0) throw InvalidArgument("text architectures need the model option 'vocabulary' (number of token ids)");
  input.classes = options.integer("classes", 2, 2, 1000000);
  input.dim = options.integer("dim", default_dim, 1, 1 << 16);
  return input;
}

template <typename Net>
struct TextNetwork : Network {
  Net net{nullptr};
  torch::nn::Module& module() override { return *net; }
  torch::Tensor forward(const torch::Tensor& input) override { return net->forward(input); }
};

template <typename Net>
std::unique_ptr<Network> finish(Net net, const TextInput& input, int64_t min_length) {
  auto network = std::make_unique<TextNetwork<Net>>();
  network->net = std::move(net);
  network->input_kind = InputKind::Tokens;
  network->example_shape = {-1};
  network->classes = input.classes;
  network->vocabulary = input.vocabulary;
  network->min_length = min_length;
  return network;
}

// fastText-style classifier: mean of the (word and hashed n-gram) embeddings → dropout → linear.
struct BagClassifierImpl : torch::nn::Module {
  BagClassifierImpl(const TextInput& in, double dropout_rate)
      : bag(register_module("bag", torch::nn::EmbeddingBag(torch::nn::EmbeddingBagOptions(in.vocabulary, in.dim)
                                                                .mode(torch::kMean).padding_idx(0)))),
        dropout(register_module("dropout", torch::nn::Dropout(dropout_rate))),
        head(register_module("head", torch::nn::Linear(in.dim, in.classes))) {
    // fastText's initialisation: small input embeddings (so rows that training never touches, such as the
    // unknown word's, barely move the mean) and a zero output layer.
    torch::NoGradGuard no_grad;
    bag->weight.uniform_(-1.0 / static_cast<double>(in.dim), 1.0 / static_cast<double>(in.dim));
    bag->weight[0].zero_();
    head->weight.zero_();
    head->bias.zero_();
  }
  torch::Tensor forward(const torch::Tensor& tokens) { return head(dropout(bag(tokens))); }
  torch::nn::EmbeddingBag bag;
  torch::nn::Dropout dropout;
  torch::nn::Linear head;
};
TORCH_MODULE(BagClassifier);

// TextCNN (Kim 2014): embeddings → one Conv1d per window width → ReLU → max over time → concat → dropout → linear.
struct TextCnnImpl : torch::nn::Module {
  TextCnnImpl(const TextInput& in, const std::vector<int64_t>& widths, int64_t filters, double dropout_rate)
      : embedding(register_module("embedding", torch::nn::Embedding(torch::nn::EmbeddingOptions(in.vocabulary, in.dim).padding_idx(0)))),
        convolutions(register_module("convolutions", torch::nn::ModuleList())),
        dropout(register_module("dropout", torch::nn::Dropout(dropout_rate))),
        head(register_module("head", torch::nn::Linear(filters * static_cast<int64_t>(widths.size()), in.classes))) {
    for (const auto width : widths) convolutions->push_back(torch::nn::Conv1d(in.dim, filters, width));
    // Small uniform embeddings (Keras' default, U(-0.05, 0.05)) instead of torch's N(0, 1): with Adam's
    // per-step moves of about the learning rate, N(0, 1) rows barely change in a few epochs and the filters
    // end up learning on near-random word vectors (IMDB: 79% after two epochs instead of ~87%).
    torch::NoGradGuard no_grad;
    embedding->weight.uniform_(-0.05, 0.05);
    embedding->weight[0].zero_();
  }
  torch::Tensor forward(const torch::Tensor& tokens) {
    const auto x = embedding(tokens).transpose(1, 2);  // [N, dim, L]
    std::vector<torch::Tensor> pooled;
    for (const auto& conv : *convolutions) {
      pooled.push_back(std::get<0>(torch::relu(conv->as<torch::nn::Conv1d>()->forward(x)).max(2)));
    }
    return head(dropout(torch::cat(pooled, 1)));
  }
  torch::nn::Embedding embedding;
  torch::nn::ModuleList convolutions;
  torch::nn::Dropout dropout;
  torch::nn::Linear head;
};
TORCH_MODULE(TextCnn);

// A small Transformer encoder: token + learned position embeddings → encoder layers (padding masked) →
// mean over the real tokens → linear.
struct TextTransformerImpl : torch::nn::Module {
  TextTransformerImpl(const TextInput& in, int64_t layers, int64_t heads, int64_t feed_forward, int64_t max_length,
                      double dropout_rate)
      : max_length(max_length),
        embedding(register_module("embedding", torch::nn::Embedding(torch::nn::EmbeddingOptions(in.vocabulary, in.dim).padding_idx(0)))),
        positions(register_module("positions", torch::nn::Embedding(max_length, in.dim))),
        encoder(register_module("encoder", torch::nn::TransformerEncoder(torch::nn::TransformerEncoderOptions(
            torch::nn::TransformerEncoderLayerOptions(in.dim, heads).dim_feedforward(feed_forward).dropout(dropout_rate), layers)))),
        head(register_module("head", torch::nn::Linear(in.dim, in.classes))) {}

  torch::Tensor forward(const torch::Tensor& tokens) {
    const int64_t length = tokens.size(1);
    if (length > max_length) {
      throw InvalidArgument("token sequence of length " + std::to_string(length) + " exceeds the transformer's max_length " +
                            std::to_string(max_length));
    }
    auto padding = tokens.eq(0);                         // [N, L], true where padded
    padding.select(1, 0).masked_fill_(padding.all(1), false);  // an all-padding row attends to its first slot
    const auto index = torch::arange(length, tokens.options());
    auto x = embedding(tokens) + positions(index).unsqueeze(0);       // [N, L, dim]
    x = encoder->forward(x.transpose(0, 1), /*src_mask=*/torch::Tensor(), padding).transpose(0, 1);
    const auto keep = padding.logical_not().unsqueeze(2).to(x.dtype());
    return head((x * keep).sum(1) / keep.sum(1).clamp_min(1));
  }
  int64_t max_length;
  torch::nn::Embedding embedding, positions;
  torch::nn::TransformerEncoder encoder;
  torch::nn::Linear head;
};
TORCH_MODULE(TextTransformer);

}  // namespace

std::unique_ptr<Network> create_text_network(const std::string& architecture, ModelOptions& options) {
  if (architecture == "embedding_bag") {
    const auto input = read_text_input(options, 64);
    const double dropout = options.real("dropout", 0.0, 0.0, 0.99);
    return finish(BagClassifier(input, dropout), input, 1);
  }
  if (architecture == "textcnn") {
    const auto input = read_text_input(options, 128);
    const auto widths = options.integers("widths", {3, 4, 5}, 1, 64);
    const int64_t filters = options.integer("filters", 100, 1, 1 << 16);
    const double dropout = options.real("dropout", 0.5, 0.0, 0.99);
    const auto widest = *std::max_element(widths.begin(), widths.end());
    return finish(TextCnn(input, widths, filters, dropout), input, widest);
  }
  if (architecture == "transformer") {
    const auto input = read_text_input(options, 128);
    const int64_t layers = options.integer("layers", 2, 1, 48);
    const int64_t heads = options.integer("heads", 4, 1, 256);
    const int64_t feed_forward = options.integer("feed_forward", 4 * input.dim, 1, 1 << 20);
    const int64_t max_length = options.integer("max_length", 512, 1, 1 << 20);
    const double dropout = options.real("dropout", 0.1, 0.0, 0.99);
    if (input.dim % heads != 0) {
      throw InvalidArgument("architecture 'transformer': dim " + std::to_string(input.dim) + " is not divisible by heads " +
                            std::to_string(heads));
    }
    return finish(TextTransformer(input, layers, heads, feed_forward, max_length, dropout), input, 1);
  }
  return nullptr;
}

}  // namespace mm

#if !NATIVE_ENGINE
// Engine "plain": the same networks written directly with TorchSharp's nn and trained the way a .NET user would
// write it by hand, with TorchSharp's own optimizers: zero_grad, forward, cross-entropy, backward, step, inside
// one dispose scope per step. Layers and initialisation follow the native zoo (native/src/zoo.cpp, text_zoo.cpp).
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Microsoft.ML.Momentum.Benchmarks.Engines;

internal static class PlainTorchSharp
{
    public static (string, Timing) Run(Settings settings, Workload workload)
    {
        torch.set_num_threads(settings.Threads);
        torch.manual_seed((long)settings.Seed);
        using var network = Create(workload);
        network.train();
        using optim.Optimizer optimizer = settings.Optimizer switch
        {
            "sgdm" => optim.SGD(network.parameters(), settings.LearningRate, momentum: 0.9),
            "adam" => optim.Adam(network.parameters(), settings.LearningRate),
            _ => throw new ArgumentException($"Unknown optimizer '{settings.Optimizer}' (sgdm or adam)."),
        };
        long[] shape = workload.IsText ? [workload.Batch, workload.SequenceLength] : [workload.Batch, 1, 28, 28];
        var timing = Timing.Run(settings, step =>
        {
            workload.Fill(step);
            using var scope = torch.NewDisposeScope();
            var x = workload.IsText ? torch.tensor(workload.Tokens, shape) : torch.tensor(workload.Inputs, shape);
            var y = torch.tensor(workload.Labels);
            optimizer.zero_grad();
            var logits = network.call(x);
            var loss = functional.cross_entropy(logits, y);
            loss.backward();
            optimizer.step();
            // The same per-step report as our trainer's TrainStep: the loss and the number of correct predictions.
            _ = logits.argmax(1).eq(y).sum().item<long>();
            return loss.item<float>();
        });
        return (torch.__version__, timing);
    }

    private static Module<Tensor, Tensor> Create(Workload workload) => workload.Case switch
    {
        "cnn" => Sequential(
            Conv2d(1, 32, 3, padding: 1), ReLU(), MaxPool2d(2),
            Conv2d(32, 64, 3, padding: 1), ReLU(), MaxPool2d(2),
            Flatten(), Linear(64 * 7 * 7, 128), ReLU(), Linear(128, 10)),
        "resnet20" => new ResNet20(1, 16, 10),
        "bag" => new Bag(workload.Vocabulary, 64, 2),
        "textcnn" => new TextCnn(workload.Vocabulary, 128, 100, [3, 4, 5], 0.5, 2),
        _ => throw new ArgumentException($"Unknown case '{workload.Case}'."),
    };

    private sealed class Block : Module<Tensor, Tensor>
    {
        private readonly Conv2d conv1, conv2;
        private readonly BatchNorm2d bn1, bn2;
        private readonly Sequential? shortcut;

        public Block(long input, long output, long stride) : base(nameof(Block))
        {
            conv1 = Conv2d(input, output, 3, stride: stride, padding: 1, bias: false);
            bn1 = BatchNorm2d(output);
            conv2 = Conv2d(output, output, 3, padding: 1, bias: false);
            bn2 = BatchNorm2d(output);
            if (stride != 1 || input != output) shortcut = Sequential(Conv2d(input, output, 1, stride: stride, bias: false), BatchNorm2d(output));
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            var y = bn2.call(conv2.call(functional.relu(bn1.call(conv1.call(x)))));
            return functional.relu(y + (shortcut is null ? x : shortcut.call(x)));
        }
    }

    // CIFAR-style ResNet-20: 3×3 stem, three stages of three basic blocks (widths w, 2w, 4w), average pool, linear.
    private sealed class ResNet20 : Module<Tensor, Tensor>
    {
        private readonly Sequential stem, stages;
        private readonly Linear head;

        public ResNet20(long channels, long width, long classes) : base(nameof(ResNet20))
        {
            stem = Sequential(Conv2d(channels, width, 3, padding: 1, bias: false), BatchNorm2d(width), ReLU());
            var blocks = new List<Module<Tensor, Tensor>>();
            var input = width;
            for (var stage = 0; stage < 3; stage++)
            {
                for (var b = 0; b < 3; b++)
                {
                    blocks.Add(new Block(input, width << stage, stage > 0 && b == 0 ? 2 : 1));
                    input = width << stage;
                }
            }
            stages = Sequential(blocks);
            head = Linear(4 * width, classes);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x) =>
            head.call(functional.adaptive_avg_pool2d(stages.call(stem.call(x)), [1, 1]).flatten(1));
    }

    // fastText-style: mean of the word and bigram embeddings (padding excluded) → linear; fastText's initialisation.
    private sealed class Bag : Module<Tensor, Tensor>
    {
        private readonly EmbeddingBag bag;
        private readonly Linear head;

        public Bag(long vocabulary, long dim, long classes) : base(nameof(Bag))
        {
            bag = EmbeddingBag(vocabulary, dim, mode: EmbeddingBagMode.Mean, padding_index: 0);
            head = Linear(dim, classes);
            RegisterComponents();
            using var noGrad = torch.no_grad();
            bag.weight!.uniform_(-1.0 / dim, 1.0 / dim);
            bag.weight![0].zero_();
            head.weight!.zero_();
            head.bias!.zero_();
        }

        public override Tensor forward(Tensor tokens) => head.call(bag.call(tokens));
    }

    // TextCNN (Kim 2014): embeddings U(−0.05, 0.05) → Conv1d per width → ReLU → max over time → concat → dropout → linear.
    private sealed class TextCnn : Module<Tensor, Tensor>
    {
        private readonly Embedding embedding;
        private readonly ModuleList<Conv1d> convolutions;
        private readonly Dropout dropout;
        private readonly Linear head;

        public TextCnn(long vocabulary, long dim, long filters, long[] widths, double dropoutRate, long classes) : base(nameof(TextCnn))
        {
            embedding = Embedding(vocabulary, dim, padding_idx: 0);
            convolutions = ModuleList(widths.Select(w => Conv1d(dim, filters, w)).ToArray());
            dropout = Dropout(dropoutRate);
            head = Linear(filters * widths.Length, classes);
            RegisterComponents();
            using var noGrad = torch.no_grad();
            embedding.weight!.uniform_(-0.05, 0.05);
            embedding.weight![0].zero_();
        }

        public override Tensor forward(Tensor tokens)
        {
            var x = embedding.call(tokens).transpose(1, 2);
            var pooled = convolutions.Select(conv => functional.relu(conv.call(x)).max(2).values).ToArray();
            return head.call(dropout.call(torch.cat(pooled, 1)));
        }
    }
}
#endif

// A plain TorchSharp training loop (an MLP regression on synthetic data) run with torch.optim.SGD and then with
// MoMo, Demon-SGD and MoMo-Adam from Microsoft.ML.Momentum: the optimizer line is the only one that changes.
//
//   dotnet run -c Release --project samples/TorchSharpLoop
using Microsoft.ML.Momentum.Optimizers;
using Microsoft.ML.Momentum.Optimizers.TorchOptim;
using TorchSharp;
using static TorchSharp.torch;

const int Steps = 300;
torch.manual_seed(0);
var x = torch.randn(512, 8);
var y = x.sum(1, keepdim: true).sin() + 0.05 * torch.randn(512, 1);

Train("torch.optim.SGD(lr 0.1, momentum 0.9)", p => optim.SGD(p, 0.1, momentum: 0.9));
Train("MomentumOptim.MoMo(lr 1)", p => MomentumOptim.MoMo(p, lr: 1.0));
Train("MomentumOptim.DemonSgd(lr 0.1)", p => MomentumOptim.DemonSgd(p, lr: 0.1, total_steps: Steps));
Train("MomentumOptim.MoMoAdam(lr 1e-2)", p => MomentumOptim.MoMoAdam(p, lr: 1e-2));

void Train(string name, Func<IEnumerable<TorchSharp.Modules.Parameter>, optim.Optimizer> create)
{
    torch.manual_seed(1);
    using var model = nn.Sequential(nn.Linear(8, 32), nn.Tanh(), nn.Linear(32, 1));
    using var optimizer = create(model.parameters());
    using var autoDrop = new AutoDropScheduler(optimizer, new AutoDrop { Window = 10 });
    double last = double.NaN;
    for (var step = 0; step < Steps; step++)
    {
        using var scope = torch.NewDisposeScope();
        // The closure computes the loss and the gradients; MoMo reads the loss it returns.
        var loss = optimizer.step(() =>
        {
            optimizer.zero_grad();
            var l = nn.functional.mse_loss(model.call(x), y);
            l.backward();
            return l;
        });
        autoDrop.step();
        last = loss.item<float>();
    }
    Console.WriteLine($"{name,-40} final loss {last:F5}  lr {autoDrop.get_last_lr()[0]:G3}  AutoDrop drops {autoDrop.DropCount}");
}

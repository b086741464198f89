using Microsoft.ML.Momentum.Data.Text;
using Microsoft.ML.Momentum.Trainers;
using Microsoft.ML.Momentum.Training;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.TextTrainer;

[TestClass]
public sealed class TextTrainerOptionsTests
{
    [TestMethod]
    public void ValidationSetFractionAndValidationSetDecideWhatIsHeldOut()
    {
        var options = TextTrainerFixtures.Fast(maxEpoch: 1);
        options.ValidationSetFraction = 0;
        using (var all = new TextClassificationTrainer(options).Fit(TextTrainerFixtures.Topics))
        {
            Assert.AreEqual(400, all.TrainingData!.TrainCount);
            Assert.AreEqual(0, all.TrainingData.ValidationCount);
            Assert.IsTrue(double.IsNaN(all.Training!.History[0].ValidationAccuracy), "no validation without held-out data");
        }

        options.ValidationSetFraction = 0.1;
        using (var tenth = new TextClassificationTrainer(options).Fit(TextTrainerFixtures.Topics))
        {
            Assert.AreEqual(360, tenth.TrainingData!.TrainCount, "10% of each class (100 sentences per topic) is held out");
            Assert.AreEqual(40, tenth.TrainingData.ValidationCount);
            Assert.IsFalse(double.IsNaN(tenth.Training!.History[0].ValidationAccuracy));
        }

        options.ValidationSet = TextDataSource.FromExamples(TextTrainerFixtures.TopicExamples().Take(30));
        using var given = new TextClassificationTrainer(options).Fit(TextTrainerFixtures.Topics);
        Assert.AreEqual(400, given.TrainingData!.TrainCount, "a validation set replaces the held-out fraction");
        Assert.AreEqual(30, given.TrainingData.ValidationCount);
    }

    [TestMethod]
    public void EarlyStoppingStopsAndRestoresTheBestWeights()
    {
        var examples = TextTrainerFixtures.TopicExamples();
        var validation = TextDataSource.FromExamples(examples.Where((_, i) => i % 5 == 0));
        var options = TextTrainerFixtures.Fast(maxEpoch: 20);
        options.ValidationSet = validation;
        // No later epoch can beat the first by 0.9 accuracy: the run stops after 1 + Patience epochs and keeps epoch 1.
        options.EarlyStoppingCriteria = new EarlyStoppingCriteria { Patience = 2, MinDelta = 0.9 };
        using var model = new TextClassificationTrainer(options).Fit(TextDataSource.FromExamples(examples.Where((_, i) => i % 5 != 0)));
        var result = model.Training!;
        Assert.IsTrue(result.StoppedEarly);
        Assert.AreEqual(3, result.History.Count);
        Assert.AreEqual(1, result.SelectedEpoch);
        var loss = model.Evaluate(validation).LogLoss;
        Assert.AreEqual(result.History[0].ValidationLoss, loss, 1e-9, "the model holds epoch 1's weights");
        Assert.AreNotEqual(result.History[2].ValidationLoss, loss, 1e-6);
    }

    [TestMethod]
    public void CancellationLeavesACheckpointAndResumingReproducesTheRunBitForBit()
    {
        var workspace = TextTrainerFixtures.TempDirectory();
        try
        {
            string[] probe = ["Snow on the hills tonight.", "The compiler crashed.", "Simmer the soup."];
            var options = TextTrainerFixtures.Fast(maxEpoch: 4);
            using var uninterrupted = new TextClassificationTrainer(options).Fit(TextTrainerFixtures.Topics);
            var expected = uninterrupted.PredictBatch(probe);

            using var cancel = new CancellationTokenSource();
            options.WorkspacePath = workspace;
            options.LogEveryNSteps = 1;
            options.MetricsCallback = p =>
            {
                if (p.Phase == TrainingPhase.Step && p.Step == 30) cancel.Cancel();  // mid-epoch 2 (19 steps per epoch)
            };
            Assert.ThrowsExactly<OperationCanceledException>(() => new TextClassificationTrainer(options).Fit(TextTrainerFixtures.Topics, cancel.Token));
            Assert.IsTrue(File.Exists(options.CheckpointPath), "cancellation writes a checkpoint");

            options.MetricsCallback = null;
            options.ResumeFromCheckpoint = true;
            using var resumed = new TextClassificationTrainer(options).Fit(TextTrainerFixtures.Topics);
            Assert.AreEqual(uninterrupted.Training!.Steps, resumed.Training!.Steps);
            CollectionAssert.AreEqual(uninterrupted.Training.History.Select(e => e.TrainLoss).ToArray(), resumed.Training.History.Select(e => e.TrainLoss).ToArray());
            CollectionAssert.AreEqual(uninterrupted.Training.History.Select(e => e.ValidationLoss).ToArray(), resumed.Training.History.Select(e => e.ValidationLoss).ToArray());
            TextTrainerFixtures.AssertSameScores(expected, resumed.PredictBatch(probe));
        }
        finally
        {
            Directory.Delete(workspace, recursive: true);
        }
    }

    [TestMethod]
    public void TheSecondTextColumnIsRead()
    {
        // The first text is a generic prompt; the topic is in the second text only.
        string[] prompts = ["What is this about?", "Which topic is this?", "Classify the following sentence.", "Name the topic."];
        var examples = TextTrainerFixtures.TopicExamples();
        var directory = TextTrainerFixtures.TempDirectory();
        var path = Path.Combine(directory, "pairs.csv");
        var lines = new List<string> { "Prompt,Sentence,Topic" };
        var random = new Random(5);
        for (var i = 0; i < examples.Length; i++)
        {
            lines.Add($"{prompts[random.Next(prompts.Length)]},\"{examples[i].Text.Replace("\"", "\"\"")}\",{examples[i].Label}");
        }
        File.WriteAllLines(path, lines);
        try
        {
            var options = TextTrainerFixtures.Fast(maxEpoch: 8);
            options.LabelColumnName = "Topic";
            options.TextColumnName = "Prompt";
            options.Text2ColumnName = "Sentence";
            using var model = new TextClassificationTrainer(options).Fit(TextDataSource.FromCsv(path));
            Assert.IsTrue(model.IsPair);
            Assert.AreEqual("Sentence", model.Text2ColumnName);
            Assert.IsGreaterThan(0.95, model.Training!.History[^1].TrainAccuracy);
            Assert.AreEqual("sports", model.Predict("Which topic is this?", "The striker scored in the final minute.").PredictedLabel);
            Assert.AreEqual("cooking", model.Predict("Which topic is this?", "Boil the pasta in salted water.").PredictedLabel);
            Assert.IsGreaterThan(0.9, model.Evaluate(TextDataSource.FromCsv(path)).Accuracy, "evaluation reads both training columns");
            Assert.ThrowsExactly<ArgumentException>(() => model.Predict("one text only"));

            options.Text2ColumnName = null;
            using var promptOnly = new TextClassificationTrainer(options).Fit(TextDataSource.FromCsv(path));
            Assert.IsFalse(promptOnly.IsPair);
            Assert.IsLessThan(0.5, promptOnly.Training!.History[^1].TrainAccuracy, "without the second column there is nothing to learn");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [TestMethod]
    public void MaxTokensTruncatesLongDocumentsInsteadOfFailing()
    {
        var options = TextTrainerFixtures.Fast(maxEpoch: 2);
        options.MaxTokens = 6;
        using var model = new TextClassificationTrainer(options).Fit(TextTrainerFixtures.Topics);
        Assert.IsGreaterThan(100, model.TrainingData!.TruncatedCount, "most fixture sentences have more than 6 words");
        Assert.AreEqual(6, model.Featurizer.MaxTokens, "MaxTokens is saved with the model");

        const string start = "the match was played in heavy rain";
        var cut = model.Predict(string.Join(' ', start.Split(' ').Take(6)));
        var longer = model.Predict(start + " and then the oven and the laptop and the soup");
        CollectionAssert.AreEqual(cut.Score.ToArray(), longer.Score.ToArray(), "words after the first MaxTokens are ignored");

        var huge = string.Concat(Enumerable.Repeat("recipe oven butter ", 300_000));  // 900,000 words
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var prediction = model.Predict(huge);
        Console.WriteLine($"900,000-word document predicted in {watch.ElapsedMilliseconds} ms");
        Assert.AreEqual(4, prediction.Score.Count);
        Assert.IsLessThan(5_000, watch.ElapsedMilliseconds, "only the first MaxTokens words are tokenized");
    }

    [TestMethod]
    public void InvalidOptionsNameTheOption()
    {
        void Expect(string option, Action<TextClassificationTrainer.Options> change)
        {
            var options = new TextClassificationTrainer.Options();
            change(options);
            var e = Assert.ThrowsExactly<ArgumentException>(() => new TextClassificationTrainer(options));
            StringAssert.Contains(e.Message, $"'{option}'");
        }

        Expect("NGramLength", o => { o.Architecture = TextClassificationArchitecture.TextCnn; o.NGramLength = 2; });
        Expect("EmbeddingDimension", o => { o.Architecture = TextClassificationArchitecture.Transformer; o.EmbeddingDimension = 30; o.TransformerHeads = 4; });
        Expect("MaxTokens", o => o.MaxTokens = 0);
        Expect("TextColumnName", o => o.TextColumnName = " ");
        Expect("TextColumnName", o => o.Text2ColumnName = o.TextColumnName);
        Expect("TextCnnWindowSizes", o => o.TextCnnWindowSizes = []);
        Expect("Dropout", o => o.Dropout = 1);
        Expect("ValidationSetFraction", o => o.ValidationSetFraction = 1);
        Expect("MaxVocabularySize", o => o.MaxVocabularySize = 3);
    }
}

using Microsoft.ML.Momentum.Data.Text;

namespace Microsoft.ML.Momentum.Trainers;

public sealed partial class TextClassificationTrainer
{
    /// <summary>
    /// Options of the text trainer, with ML.NET's names; the shared ones are documented on
    /// <see cref="ClassificationTrainerOptions"/>. The text-processing options (tokenizer, vocabulary, n-grams,
    /// truncation) are saved with the model, so a loaded model tokenizes exactly as training did.
    /// </summary>
    public sealed class Options : ClassificationTrainerOptions
    {
        /// <summary>Column holding the text, for file sources (default "Text"); the first sentence of a pair.</summary>
        public string TextColumnName { get; set; } = "Text";

        /// <summary>
        /// Column holding the second text of sentence pairs (ML.NET's <c>Sentence2ColumnName</c>), or null (the
        /// default) for single texts. The two texts are joined with a separator token.
        /// </summary>
        public string? Text2ColumnName { get; set; }

        /// <summary>The network (default <see cref="TextClassificationArchitecture.EmbeddingBag"/>).</summary>
        public TextClassificationArchitecture Architecture { get; set; } = TextClassificationArchitecture.EmbeddingBag;

        /// <summary>Embedding (model) width; null uses the architecture's default: 64 for EmbeddingBag, 128 for TextCnn and Transformer.</summary>
        public int? EmbeddingDimension { get; set; }

        /// <summary>
        /// The most words kept per document: the first MaxTokens, the rest is ignored (for pairs: both texts and the
        /// separator, the longer text trimmed first). Bounds the cost of very long documents. Default 512.
        /// </summary>
        public int MaxTokens { get; set; } = 512;

        /// <summary>
        /// Longest hashed word n-gram (fastText's <c>wordNgrams</c>): 2 adds bigrams, 3 also trigrams, 1 none. Null uses
        /// 2 for EmbeddingBag and 1 for the sequence models, which see word order themselves and accept only 1.
        /// </summary>
        public int? NGramLength { get; set; }

        /// <summary>Number of n-gram hash buckets, embedding rows after the vocabulary (default 100,000; more buckets mean fewer collisions and a larger model).</summary>
        public int NGramBuckets { get; set; } = 100_000;

        /// <summary>Words seen fewer times in the training data become the unknown token (default 1).</summary>
        public int MinCount { get; set; } = 1;

        /// <summary>The most vocabulary entries, the 3 reserved ones (padding, unknown, separator) included; the most frequent words are kept (default 100,000).</summary>
        public int MaxVocabularySize { get; set; } = 100_000;

        /// <summary>Tokenizer settings: lower-casing, Unicode normalization, HTML stripping, punctuation, CJK splitting.</summary>
        public TextTokenizerOptions Tokenizer { get; set; } = new();

        /// <summary>Remove HTML tags and decode entities before tokenizing (e.g. IMDB's <c>&lt;br /&gt;</c>); the same setting as <see cref="TextTokenizerOptions.StripHtml"/> of <see cref="Tokenizer"/>.</summary>
        public bool StripHtml
        {
            get => Tokenizer.StripHtml;
            set => Tokenizer.StripHtml = value;
        }

        /// <summary>Dropout before the output layer (and inside the Transformer); null uses the architecture's default: 0 for EmbeddingBag, 0.5 for TextCnn, 0.1 for Transformer.</summary>
        public double? Dropout { get; set; }

        /// <summary>TextCnn window widths in words (default 3, 4, 5).</summary>
        public IReadOnlyList<int> TextCnnWindowSizes { get; set; } = [3, 4, 5];

        /// <summary>TextCnn filters per window width (default 100).</summary>
        public int TextCnnFilters { get; set; } = 100;

        /// <summary>Transformer encoder layers (default 2).</summary>
        public int TransformerLayers { get; set; } = 2;

        /// <summary>Transformer attention heads; the embedding dimension must be a multiple (default 4).</summary>
        public int TransformerHeads { get; set; } = 4;

        /// <summary>What to do with examples whose text is empty or white space (default: skip them and count them in the model's <c>TrainingData</c> report).</summary>
        public EmptyTextHandling EmptyTextHandling { get; set; } = EmptyTextHandling.Skip;

        /// <summary>Validation data evaluated after every epoch; when null, <see cref="ClassificationTrainerOptions.ValidationSetFraction"/> of the training data is held out.</summary>
        public TextDataSource? ValidationSet { get; set; }

        /// <summary>The embedding dimension used: <see cref="EmbeddingDimension"/> or the architecture's default.</summary>
        internal int ResolvedDimension => EmbeddingDimension ?? (Architecture == TextClassificationArchitecture.EmbeddingBag ? 64 : 128);

        /// <summary>The n-gram length used: <see cref="NGramLength"/> or the architecture's default.</summary>
        internal int ResolvedNGramLength => NGramLength ?? (Architecture == TextClassificationArchitecture.EmbeddingBag ? 2 : 1);

        /// <inheritdoc />
        public override void Validate()
        {
            base.Validate();
            Require(!string.IsNullOrWhiteSpace(TextColumnName), nameof(TextColumnName), "must name a column");
            Require(Text2ColumnName is null || !string.IsNullOrWhiteSpace(Text2ColumnName), nameof(Text2ColumnName), "must name a column or be null");
            Require(Text2ColumnName != TextColumnName && Text2ColumnName != LabelColumnName && TextColumnName != LabelColumnName,
                nameof(TextColumnName), $"LabelColumnName, TextColumnName and Text2ColumnName must be different columns; got '{LabelColumnName}', '{TextColumnName}', '{Text2ColumnName}'");
            Require(Enum.IsDefined(Architecture), nameof(Architecture), $"is not a known architecture: {Architecture}");
            Require(EmbeddingDimension is null or >= 1, nameof(EmbeddingDimension), $"must be at least 1; got {EmbeddingDimension}");
            Require(MaxTokens >= 1, nameof(MaxTokens), $"must be at least 1; got {MaxTokens}");
            Require(NGramLength is null or >= 1, nameof(NGramLength), $"must be at least 1 (1 = no n-grams); got {NGramLength}");
            Require(ResolvedNGramLength == 1 || Architecture == TextClassificationArchitecture.EmbeddingBag, nameof(NGramLength),
                $"must be 1 for {Architecture}, which sees word order itself; n-grams are for EmbeddingBag");
            Require(NGramBuckets >= 1, nameof(NGramBuckets), $"must be at least 1; got {NGramBuckets}");
            Require(MinCount >= 1, nameof(MinCount), $"must be at least 1; got {MinCount}");
            Require(MaxVocabularySize >= 4, nameof(MaxVocabularySize), $"must be at least 4 (3 reserved ids and one word); got {MaxVocabularySize}");
            Require((long)MaxVocabularySize + NGramBuckets <= int.MaxValue, nameof(NGramBuckets), "plus MaxVocabularySize must fit in a 32-bit id");
            Require(Tokenizer is { MaxTokenLength: >= 1 }, nameof(Tokenizer), "must be set, with MaxTokenLength at least 1");
            Require(Dropout is null or >= 0 and < 1, nameof(Dropout), $"must be in [0, 1); got {Dropout}");
            Require(TextCnnWindowSizes is { Count: > 0 } && TextCnnWindowSizes.All(w => w is >= 1 and <= 64), nameof(TextCnnWindowSizes), "must list one or more widths from 1 to 64");
            Require(TextCnnFilters >= 1, nameof(TextCnnFilters), $"must be at least 1; got {TextCnnFilters}");
            Require(TransformerLayers >= 1, nameof(TransformerLayers), $"must be at least 1; got {TransformerLayers}");
            Require(TransformerHeads >= 1, nameof(TransformerHeads), $"must be at least 1; got {TransformerHeads}");
            Require(Architecture != TextClassificationArchitecture.Transformer || ResolvedDimension % TransformerHeads == 0, nameof(EmbeddingDimension),
                $"must be a multiple of TransformerHeads ({TransformerHeads}) for the Transformer; got {ResolvedDimension}");
            Require(Enum.IsDefined(EmptyTextHandling), nameof(EmptyTextHandling), $"is not a known handling: {EmptyTextHandling}");
        }

        internal TextReadSettings ReadSettings => new(LabelColumnName, TextColumnName, Text2ColumnName, EmptyTextHandling);

        internal TextFeaturizerOptions FeaturizerOptions => new()
        {
            Tokenizer = Tokenizer.Clone(),
            MaxTokens = MaxTokens,
            MinCount = MinCount,
            MaxVocabularySize = MaxVocabularySize,
            NGramLength = ResolvedNGramLength,
            NGramBuckets = NGramBuckets,
        };
    }
}

using System.Diagnostics;
using SocialStore.Domain.Moderation.Screening;
using SocialStore.Tests.Domain.Moderation.Screening;
using SocialStore.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SocialStore.Tests.Benchmarks;

/// <summary>
/// Word screening cost (issue 15 §4): a 2,000-character Chinese note against a 10,000-entry list, µs per
/// note, with the list's index (<see cref="WordListIndex"/>: normalisation + Aho-Corasick + allow-list rule)
/// against a baseline measured in the same run: the normalised note searched with <c>string.Contains</c>
/// once per normalised term. Skipped unless SOCIALSTORE_BENCHMARKS=1; figures in docs/benchmarks.md.
/// </summary>
[Trait("Category", BenchmarkGate.Category)]
public class WordMatcherBenchmark(ITestOutputHelper output)
{
    [BenchmarkFact]
    public void Screen_2000CharNote_Against10000Terms()
    {
        var terms = Enumerable.Range(0, 10_000).Select(WordMatcherTests.SyntheticTerm).ToArray();
        var build = Stopwatch.StartNew();
        var index = new WordListIndex(terms.Select((t, i) => new ScreenTerm(t, i % 50 == 0 ? ScreenAction.Allow : ScreenAction.Flag)));
        var buildMs = build.Elapsed.TotalMilliseconds;
        var normalisedTerms = terms.Select(ScreeningText.Normalize).ToArray();

        var notes = Enumerable.Range(0, 20).Select(n => Note(n, terms)).ToArray();
        Assert.All(notes, n => Assert.Equal(2_000, n.Length));

        var expectedHits = 0;
        foreach (var note in notes) expectedHits += index.Find(note, commercial: false).Count; // warm-up
        foreach (var note in notes) Naive(note, normalisedTerms);

        const int rounds = 25;
        var matcher = Stopwatch.StartNew();
        var hits = 0;
        for (var r = 0; r < rounds; r++)
        {
            foreach (var note in notes) hits += index.Find(note, commercial: false).Count;
        }
        var matcherUs = matcher.Elapsed.TotalMicroseconds / (rounds * notes.Length);

        const int naiveRounds = 3;
        var naive = Stopwatch.StartNew();
        var naiveHits = 0;
        for (var r = 0; r < naiveRounds; r++)
        {
            foreach (var note in notes) naiveHits += Naive(note, normalisedTerms);
        }
        var naiveUs = naive.Elapsed.TotalMicroseconds / (naiveRounds * notes.Length);

        Assert.Equal(expectedHits * rounds, hits);
        Assert.True(naiveHits > 0);
        output.WriteLine($"index build (10,000 terms): {buildMs:F1} ms");
        output.WriteLine($"WordListIndex.Find: {matcherUs:F1} µs per 2,000-char note ({expectedHits / (double)notes.Length:F1} hits a note)");
        output.WriteLine($"baseline string.Contains x 10,000: {naiveUs:F1} µs per note");
        output.WriteLine($"ratio index / baseline: {matcherUs / naiveUs:P2}; speed-up x{naiveUs / matcherUs:F0}");
    }

    private static int Naive(string note, string[] normalisedTerms)
    {
        var text = ScreeningText.Normalize(note);
        var found = 0;
        foreach (var term in normalisedTerms)
        {
            if (term.Length > 0 && text.Contains(term, StringComparison.Ordinal)) found++;
        }
        return found;
    }

    /// <summary>Ordinary Chinese prose with spaces, punctuation and full-width letters, a few listed terms planted.</summary>
    private static string Note(int n, string[] terms)
    {
        const string prose = "今天去了新开的咖啡店，拿铁很好喝，环境也不错。Ｗｉｆｉ 速度快，适合工作；推荐大家周末来坐坐！价格 38 元一杯，性价比还可以。";
        var random = new Random(n);
        var builder = new System.Text.StringBuilder();
        while (builder.Length < 2_000)
        {
            builder.Append(prose, 0, random.Next(10, prose.Length));
            if (random.Next(4) == 0) builder.Append(terms[random.Next(terms.Length)]);
        }
        return builder.ToString(0, 2_000);
    }
}

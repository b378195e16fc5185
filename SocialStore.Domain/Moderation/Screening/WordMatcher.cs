namespace SocialStore.Domain.Moderation.Screening;

/// <summary>One hit of a pattern: its index in the list the matcher was built from and where it is.</summary>
/// <param name="Pattern">Index of the pattern in the list given to <see cref="WordMatcher"/>.</param>
/// <param name="Start">First character in the normalised text.</param>
/// <param name="Length">Length in the normalised text.</param>
public readonly record struct WordHit(int Pattern, int Start, int Length)
{
    public int End => Start + Length;
}

/// <summary>
/// Aho-Corasick over normalised text (<see cref="ScreeningText"/>): one pass over the text finds every
/// occurrence of every pattern, whatever the size of the list. Built once per word list (immutable, shared
/// between threads). Patterns are normalised here; one that normalises to nothing is ignored.
/// Transitions live in one hash table keyed by (state, character), which keeps 10,000 Chinese patterns
/// (a wide, shallow trie) small; failure and dictionary-suffix links are computed breadth first.
/// </summary>
public sealed class WordMatcher
{
    private readonly Dictionary<long, int> _next = new();
    private readonly List<int> _fail = [0];
    private readonly List<int> _output = [-1]; // the pattern ending exactly at this state, or -1
    private readonly List<int> _outputLink = [-1]; // the nearest state on the failure chain with an output
    private readonly int[] _lengths;

    public WordMatcher(IReadOnlyList<string> patterns)
    {
        _lengths = new int[patterns.Count];
        for (var p = 0; p < patterns.Count; p++)
        {
            var normalised = ScreeningText.Normalize(patterns[p]);
            _lengths[p] = normalised.Length;
            if (normalised.Length == 0) continue;
            var state = 0;
            foreach (var c in normalised)
            {
                if (!_next.TryGetValue(Key(state, c), out var to))
                {
                    to = _fail.Count;
                    _fail.Add(0);
                    _output.Add(-1);
                    _outputLink.Add(-1);
                    _next[Key(state, c)] = to;
                    _children.Add((state, c, to));
                }
                state = to;
            }
            if (_output[state] < 0) _output[state] = p; // duplicates: the first one wins
        }
        BuildLinks();
        _children.Clear();
        _children.TrimExcess();
    }

    private readonly List<(int From, char Char, int To)> _children = [];

    public int StateCount => _fail.Count;

    private static long Key(int state, char c) => ((long)state << 16) | c;

    private void BuildLinks()
    {
        var byParent = new List<(char, int)>[_fail.Count];
        foreach (var (from, c, to) in _children) (byParent[from] ??= []).Add((c, to));
        var queue = new Queue<int>();
        if (byParent[0] is { } roots)
        {
            foreach (var (_, to) in roots) queue.Enqueue(to);
        }
        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            var link = _fail[state];
            _outputLink[state] = _output[link] >= 0 ? link : _outputLink[link];
            if (byParent[state] is not { } children) continue;
            foreach (var (c, child) in children)
            {
                var f = _fail[state];
                int target;
                while (true)
                {
                    if (_next.TryGetValue(Key(f, c), out target) && target != child) break;
                    if (f == 0)
                    {
                        target = 0;
                        break;
                    }
                    f = _fail[f];
                }
                _fail[child] = target;
                queue.Enqueue(child);
            }
        }
    }

    /// <summary>Every occurrence of every pattern in already normalised text, in order of their end.</summary>
    public List<WordHit> Matches(string normalised)
    {
        var hits = new List<WordHit>();
        var state = 0;
        for (var i = 0; i < normalised.Length; i++)
        {
            var c = normalised[i];
            while (true)
            {
                if (_next.TryGetValue(Key(state, c), out var to))
                {
                    state = to;
                    break;
                }
                if (state == 0) break;
                state = _fail[state];
            }
            var s = _output[state] >= 0 ? state : _outputLink[state];
            while (s > 0)
            {
                var p = _output[s];
                hits.Add(new WordHit(p, i + 1 - _lengths[p], _lengths[p]));
                s = _outputLink[s];
            }
        }
        return hits;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Data;
using SocialStore.Domain.Reviews;
using SocialStore.Domain.Social;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.E2E.Security;

/// <summary>
/// A regression corpus of script-injection payloads through every field people type into — note title and body,
/// comment, display name, bio, board name, review, question, answer, product title and description, search —
/// rendered in a real browser. Each page is checked twice: no dialog opened (the trap), and no injected markup in
/// the DOM (an event-handler attribute, a script, a javascript: URL, a second base or a refresh meta), because the
/// Content-Security-Policy alone would stop the script from running and hide an escaping bug.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class XssCorpusTests(BrowserFixture browser) : IAsyncLifetime
{
    /// <summary>Every payload says "xss" in the code it tries to run, so injected markup is recognisable.</summary>
    public static readonly string[] Payloads =
    [
        "<script>alert('xss')</script>",
        "<img src=x onerror=alert('xss')>",
        "<svg onload=alert('xss')>",
        "<svg><script>alert('xss')</script></svg>",
        "\"><script>alert('xss')</script>",
        "'><img src=x onerror=alert('xss')>",
        "<body onload=alert('xss')>",
        "<iframe src=\"javascript:alert('xss')\"></iframe>",
        "<iframe srcdoc=\"<script>alert('xss')</script>\"></iframe>",
        "<a href=\"javascript:alert('xss')\">xss</a>",
        "<a href=\" javascript:alert('xss')\">xss</a>",
        "<a href=\"&#106;avascript:alert('xss')\">xss</a>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert('xss')>",
        "<details open ontoggle=alert('xss')>",
        "<input autofocus onfocus=alert('xss')>",
        "<select autofocus onfocus=alert('xss')>",
        "<video><source onerror=alert('xss')></video>",
        "<audio src=x onerror=alert('xss')>",
        "<marquee onstart=alert('xss')>xss</marquee>",
        "<object data=\"javascript:alert('xss')\"></object>",
        "<embed src=\"javascript:alert('xss')\">",
        "<form action=\"javascript:alert('xss')\"><button>xss</button></form>",
        "<button formaction=\"javascript:alert('xss')\">xss</button>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert('xss')\">",
        "<base href=\"javascript:alert('xss')//\">",
        "<style>@import 'javascript:alert(\"xss\")';</style>",
        "<div style=\"background:url(javascript:alert('xss'))\">xss</div>",
        "{{constructor.constructor('alert(\"xss\")')()}}",
        "${alert('xss')}",
        "javascript:alert('xss')",
        "<scr<script>ipt>alert('xss')</scr</script>ipt>",
        "<IMG SRC=JaVaScRiPt:alert('xss')>",
        "<img src=x:alert(alt) onerror=eval(src) alt=xss>",
        "<svg/onload=alert('xss')//",
        "<img \"\"\"><script>alert('xss')</script>\">",
        "&lt;script&gt;alert('xss')&lt;/script&gt;",
        "%3Cscript%3Ealert('xss')%3C/script%3E",
        "<noscript><p title=\"</noscript><img src=x onerror=alert('xss')>\">",
        "<textarea></textarea><img src=x onerror=alert('xss')>",
        "</title><script>alert('xss')</script>",
        "<!--<img src=\"--><img src=x onerror=alert('xss')//\">",
        "\"onmouseover=\"alert('xss')",
        "' autofocus onfocus='alert(`xss`)",
        "笔记<img src=x onerror=alert('xss')>好物",
        "<svg><a xlink:href=\"javascript:alert('xss')\"><text y=\"20\">xss</text></a></svg>",
        "[xss](javascript:alert('xss'))",
        "![xss](x\" onerror=\"alert('xss'))",
        "#话题<img src=x onerror=alert('xss')># @someone<script>alert('xss')</script>",
    ];

    /// <summary>Finds markup the page should never contain; returns a description of each find.</summary>
    private const string InjectedMarkup = """
        () => {
          const found = [];
          for (const el of document.querySelectorAll('*')) {
            for (const a of el.attributes) {
              const name = a.name.toLowerCase(), value = a.value.toLowerCase().replace(/\s/g, '');
              if (name.startsWith('on') && value.includes('xss')) found.push(`${el.tagName} ${name}`);
              if (['href', 'src', 'action', 'formaction', 'data', 'xlink:href'].includes(name) && value.startsWith('javascript:')) found.push(`${el.tagName} ${name}=${a.value}`);
              if (name === 'srcdoc') found.push(`${el.tagName} srcdoc`);
            }
            if (el.tagName === 'SCRIPT') {
              // Structured data carries the text as JSON: fine while it still parses (a payload that closed the
              // script element would leave a fragment that does not).
              if (el.type === 'application/ld+json' || el.type === 'importmap') { try { JSON.parse(el.textContent); } catch { found.push('broken ' + el.type); } }
              else if (el.textContent.includes('xss')) found.push('script');
            }
          }
          if (document.querySelectorAll('base').length > 1) found.push('second base');
          for (const m of document.querySelectorAll('meta[http-equiv]')) if ((m.getAttribute('content') || '').toLowerCase().includes('xss')) found.push('refresh meta');
          return found;
        }
        """;

    private KestrelAppFactory app = default!;
    private IDbContextFactory<SocialStoreDbContext> db = default!;

    public Task InitializeAsync()
    {
        app = new KestrelAppFactory();
        db = app.Services.GetRequiredService<IDbContextFactory<SocialStoreDbContext>>();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task EveryUserTextField_RendersEveryPayloadAsText()
    {
        Assert.True(Payloads.Length >= 40);
        var (notes, handles, boards, products) = await PlantAsync();

        var page = await browser.NewPageAsync("desktop");
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            lock (dialogs) dialogs.Add($"{page.Url}: {dialog.Message}");
            await dialog.DismissAsync();
        };

        var urls = new List<string> { "/", "/shop" };
        urls.AddRange(notes.Select(id => $"/notes/{id}"));
        urls.AddRange(handles.Select(h => $"/u/{h}"));
        urls.AddRange(boards.Select(b => $"/u/{b.Handle}/boards/{b.Id}"));
        urls.AddRange(products.Select(id => $"/products/{id}"));
        urls.AddRange(Payloads.Select(p => "/search?q=" + Uri.EscapeDataString(p)));
        var problems = new List<string>();
        foreach (var url in urls)
        {
            var response = await page.GotoAsync(app.BaseUrl + url, new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
            if (response is null || response.Status != 200) problems.Add($"{url}: HTTP {response?.Status}");
            var found = await page.EvaluateAsync<string[]>(InjectedMarkup);
            problems.AddRange(found.Select(f => $"{url}: {f}"));
        }
        // A payload that ran would have opened its dialog by now (handlers fire on load; autofocus on first paint).
        await page.WaitForTimeoutAsync(300);

        lock (dialogs) problems.AddRange(dialogs);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        // The payloads are on the pages as text (a page that dropped them would prove nothing).
        await page.GotoAsync(app.BaseUrl + $"/notes/{notes[1]}");
        Assert.Contains(Payloads[1], await page.Locator("body").InnerTextAsync());
    }

    /// <summary>
    /// Writes the payloads straight into the rows (as if a validation rule had let them through): what is tested is
    /// how pages render stored text. One note, profile, bio and board per payload; reviews and questions spread over
    /// products ten at a time (a product page shows ten of each).
    /// </summary>
    private async Task<(List<long> Notes, List<string> Handles, List<(string Handle, long Id)> Boards, List<long> Products)> PlantAsync()
    {
        var notes = new List<long>();
        var handles = new List<string>();
        var boards = new List<(string, long)>();
        var products = new List<long>();
        var authors = new List<string>();
        for (var i = 0; i < Payloads.Length; i++)
        {
            var payload = Payloads[i];
            var handle = $"xss{i}{Guid.NewGuid():N}"[..12];
            var user = await TestData.UserAsync(db, handle, payload);
            var note = await TestData.NoteAsync(db, user.Id, $"xss {i}", payload + "\n" + payload);
            await using var context = await db.CreateDbContextAsync();
            // Titles are short by rule; the full payload goes in anyway, past the rule, to test the rendering.
            await context.Notes.Where(n => n.Id == note.Id).ExecuteUpdateAsync(s => s.SetProperty(n => n.Title, payload));
            await context.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Bio, payload));
            context.Comments.Add(new Comment { NoteId = note.Id, AuthorId = user.Id, Body = payload, CreatedAt = DateTimeOffset.UtcNow });
            var board = new Board { OwnerId = user.Id, Name = payload, CreatedAt = DateTimeOffset.UtcNow };
            context.Boards.Add(board);
            await context.SaveChangesAsync();
            context.Collects.Add(new Collect { UserId = user.Id, NoteId = note.Id, BoardId = board.Id, CreatedAt = DateTimeOffset.UtcNow });
            await context.SaveChangesAsync();
            notes.Add(note.Id);
            handles.Add(handle);
            boards.Add((handle, board.Id));
            authors.Add(user.Id);
        }

        foreach (var chunk in Enumerable.Range(0, Payloads.Length).Chunk(10))
        {
            var product = await CatalogTestData.SimpleAsync(db, Payloads[chunk[0]], 59m);
            await using var context = await db.CreateDbContextAsync();
            await context.Products.Where(p => p.Id == product.Id).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.Description, string.Join("\n\n", chunk.Select(i => Payloads[i])))
                .SetProperty(p => p.Subtitle, Payloads[chunk[^1]]));
            foreach (var i in chunk)
            {
                var purchase = new PurchaseRecord { UserId = authors[i], ProductId = product.Id, SkuId = product.Skus[0].Id, Source = PurchaseSource.Order, PurchasedAt = DateTimeOffset.UtcNow };
                context.PurchaseRecords.Add(purchase);
                await context.SaveChangesAsync();
                context.Reviews.Add(Review.Write(purchase, authors[i], 5, Payloads[i], [], DateTimeOffset.UtcNow));
                var question = new ProductQuestion { ProductId = product.Id, AskerId = authors[i], Body = Payloads[i], AnswerCount = 1, CreatedAt = DateTimeOffset.UtcNow };
                context.Set<ProductQuestion>().Add(question);
                await context.SaveChangesAsync();
                context.Set<ProductAnswer>().Add(new ProductAnswer { QuestionId = question.Id, AuthorId = authors[(i + 1) % authors.Count], Body = Payloads[i], CreatedAt = DateTimeOffset.UtcNow });
                await context.SaveChangesAsync();
            }
            products.Add(product.Id);
        }
        return (notes, handles, boards, products);
    }
}

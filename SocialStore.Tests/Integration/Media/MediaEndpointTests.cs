using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Media;
using SocialStore.Tests.Domain.Media;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Integration.Media;

public sealed class MediaEndpointTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Secret = "do-not-serve-this";

    [Theory]
    [InlineData("full.jpg", "image/jpeg")]
    [InlineData("w360.webp", "image/webp")]
    [InlineData("w720.webp", "image/webp")]
    public async Task Get_StoredUpload_IsServedImmutableWithItsTypeAndNosniff(string file, string contentType)
    {
        var upload = await app.Services.GetRequiredService<ImagePipeline>()
            .SaveAsync(new MemoryStream(TestImages.Solid(900, 600, ".jpg")), CancellationToken.None);

        var response = await app.CreateClient().GetAsync($"/media/{upload.Key}/{file}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        Assert.Equal(file.EndsWith(".jpg", StringComparison.Ordinal) ? ImageFormat.Jpeg : ImageFormat.WebP, ImageSniffer.Detect(body));
    }

    [Theory]
    [InlineData("/media/i/2026/03/aaaaaaaaaaaaaaaaaaaaaa/full.jpg")]
    [InlineData("/media/i/2026/03/aaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("/media/")]
    public async Task Get_UnknownKey_Is404(string url)
    {
        var response = await app.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(response.Headers.CacheControl?.MaxAge);
    }

    [Theory]
    [InlineData("/media/../socialstore.db")]
    [InlineData("/media/../secret.txt")]
    [InlineData("/media/i/../../secret.txt")]
    [InlineData("/media/..%2fsecret.txt")]
    [InlineData("/media/%2e%2e/secret.txt")]
    [InlineData("/media/%2e%2e%2fsecret.txt")]
    [InlineData("/media/%252e%252e%252fsecret.txt")]
    [InlineData("/media/..\\secret.txt")]
    [InlineData("/media/..%5csecret.txt")]
    [InlineData("/media//etc/passwd")]
    [InlineData("/media/%2fetc%2fpasswd")]
    [InlineData("/media/C:/Windows/win.ini")]
    [InlineData("/media/.secret")]
    [InlineData("/media/SECRET.TXT")]
    public async Task Get_UnsafePath_Is404AndServesNothing(string path)
    {
        var client = app.CreateClient(); // starts the server, which creates its data directory
        await File.WriteAllTextAsync(Path.Combine(app.DataDirectory, "secret.txt"), Secret);
        var media = Path.Combine(app.DataDirectory, "media");
        Directory.CreateDirectory(media);
        await File.WriteAllTextAsync(Path.Combine(media, ".secret"), Secret);

        // Straight into the pipeline, undecoded and unnormalised: what a hostile proxy could pass on.
        var raw = await app.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Path = PathString.FromUriComponent(path.Replace("\\", "%5C", StringComparison.Ordinal));
        });
        // And through an HTTP client, which normalises what it can.
        var viaClient = await client.GetAsync(path);

        foreach (var (status, body) in new[] { (raw.Response.StatusCode, await new StreamReader(raw.Response.Body).ReadToEndAsync()),
                                               ((int)viaClient.StatusCode, await viaClient.Content.ReadAsStringAsync()) })
        {
            Assert.Equal(StatusCodes.Status404NotFound, status);
            Assert.DoesNotContain(Secret, body);
            Assert.DoesNotContain("SQLite format", body);
        }
    }
}

using SocialStore.Domain.Catalog;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Notes;

namespace SocialStore.Domain.Search;

/// <summary>What each kind of row contributes to the index; null means "not searchable" (a draft, a hidden note, a product off sale).</summary>
public static class SearchDocuments
{
    public static SearchDocument? For(object entity) => entity switch
    {
        Note n => For(n),
        Product p => For(p),
        ApplicationUser u => For(u),
        Topic t => For(t, 0),
        _ => null,
    };

    public static (SearchKind Kind, string TargetId)? KeyOf(object entity) => entity switch
    {
        Note n => (SearchKind.Note, Key(n.Id)),
        Product p => (SearchKind.Product, Key(p.Id)),
        ApplicationUser u => (SearchKind.User, u.Id),
        Topic t => (SearchKind.Topic, Key(t.Id)),
        _ => null,
    };

    public static SearchDocument? For(Note note) =>
        note.Status == NoteStatus.Published ? NoteDocument(note.Id, note.Title, note.Body, note.HotScore) : null;

    public static SearchDocument NoteDocument(long id, string title, string body, double hotScore) => new()
    {
        Kind = SearchKind.Note,
        TargetId = Key(id),
        TitleTerms = SearchTokenizer.IndexText(title),
        BodyTerms = SearchTokenizer.IndexText(body),
        Engagement = hotScore,
    };

    public static SearchDocument? For(Product product) =>
        product.Status == ProductStatus.OnSale
            ? ProductDocument(product.Id, product.Title, product.Brand, product.Subtitle, product.Description, product.SalesCount)
            : null;

    public static SearchDocument ProductDocument(long id, string title, string brand, string subtitle, string description, int sales) => new()
    {
        Kind = SearchKind.Product,
        TargetId = Key(id),
        TitleTerms = SearchTokenizer.IndexText(title, brand),
        BodyTerms = SearchTokenizer.IndexText(subtitle, description),
        Engagement = sales,
    };

    public static SearchDocument For(ApplicationUser user) => UserDocument(user.Id, user.DisplayName, user.Handle, user.Bio, user.FollowerCount);

    public static SearchDocument UserDocument(string id, string displayName, string handle, string bio, int followers) => new()
    {
        Kind = SearchKind.User,
        TargetId = id,
        TitleTerms = SearchTokenizer.IndexText(displayName, handle),
        BodyTerms = SearchTokenizer.IndexText(bio),
        Engagement = followers,
    };

    public static SearchDocument For(Topic topic, int noteCount) => new()
    {
        Kind = SearchKind.Topic,
        TargetId = Key(topic.Id),
        TitleTerms = SearchTokenizer.IndexText(topic.Name),
        BodyTerms = "",
        Engagement = noteCount,
    };

    public static string Key(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

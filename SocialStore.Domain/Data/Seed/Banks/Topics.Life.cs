using SocialStore.Domain.Data.Seed.Art;

namespace SocialStore.Domain.Data.Seed.Banks;

internal static partial class TopicBank
{
    private static readonly TopicTheme Tech = new()
    {
        Slug = "tech",
        Zh = "数码",
        En = "tech",
        Emojis = ["📱", "💻", "🎧", "⌨️", "🔋", "🖥️"],
        Palettes =
        [
            new("#e7ecef", "#d0dce3", "#3a86ff", "#1b263b"),
            new("#eef2ff", "#dbe4ff", "#5f6caf", "#1f2544"),
            new("#f1f3f5", "#e1e5ea", "#2ec4b6", "#22303c"),
        ],
        TagsZh = ["数码好物", "桌面改造", "效率工具", "耳机推荐", "开箱"],
        TagsEn = ["desksetup", "gadgets", "productivity"],
        ItemsZh = ["耳机", "机械键盘", "平板", "充电宝", "显示器", "手机壳"],
        ItemsEn = ["headphones", "keyboard", "tablet", "power bank", "monitor"],
        TitlesZh =
        [
            "{item}用了{n}个月的真实感受", "{price}元桌面改造", "{who}的数码装备", "降噪耳机怎么选", "提升效率的{n}个App",
            "{item}开箱｜值不值得买", "极简桌面分享", "出差数码收纳", "学生党平板用法",
        ],
        TitlesEn = ["{item}, {n} months in", "Desk setup tour", "{n} apps I use daily", "Budget {item} picks"],
        OpeningsZh = ["用了{n}个月，来说说真实的优缺点。", "工作效率提升的关键，可能是你的桌面。", "被问了很多次我的桌面，今天完整分享。"],
        PointsZh =
        [
            "续航比官方说的略短，一天一充没问题", "降噪效果在地铁上很明显", "键盘换了茶轴，打字声音小很多",
            "显示器挂灯对眼睛真的友好", "理线槽一装，桌面立刻清爽", "平板配合笔记App，纸质笔记几乎不用了",
            "充电宝选支持快充的，出门安心很多", "系统的专注模式很好用，推荐打开",
        ],
        ClosingsZh = ["全部自购，不是广告", "有想看的测评评论区告诉我"],
        OpeningsEn = ["{n} months in, the honest pros and cons.", "My desk, fully explained."],
        PointsEn = ["Battery is a bit shorter than claimed", "Noise cancelling shines on the metro", "Cable trays fix desk clutter"],
        ClosingsEn = ["Bought with my own money.", "What should I review next?"],
        CommentsZh = ["续航怎么样？", "求桌面清单", "键盘是什么轴", "这个价格很香"],
        CommentsEn = ["How's the battery?", "Love this desk"],
        BoardsZh = ["数码清单"],
        BoardsEn = ["Tech wishlist"],
    };

    private static readonly TopicTheme Pets = new()
    {
        Slug = "pets",
        Zh = "宠物",
        En = "pets",
        Emojis = ["🐱", "🐶", "🐾", "🐰", "🦴", "🐈"],
        Palettes =
        [
            new("#fff8e7", "#ffe8b6", "#f4a259", "#4b3621"),
            new("#eaf4f4", "#cce3de", "#6b9080", "#263d35"),
            new("#fdf2f8", "#fbcfe8", "#ec4899", "#4a1d35"),
        ],
        TagsZh = ["猫咪日常", "狗狗", "新手养猫", "铲屎官", "萌宠"],
        TagsEn = ["catsofinstagram", "doglife", "petcare"],
        ItemsZh = ["猫粮", "猫砂", "逗猫棒", "狗绳", "冻干", "猫爬架"],
        ItemsEn = ["cat food", "litter", "cat tree", "leash"],
        TitlesZh =
        [
            "新手养猫必备清单", "我家主子的一天", "{price}元的{item}猫咪超爱", "狗狗第一次洗澡", "猫咪挑食怎么办",
            "养猫{n}年的真心话", "领养代替购买", "带狗去{city}旅行", "自制宠物零食",
        ],
        TitlesEn = ["A day with my cat", "New cat checklist", "{n} years with my dog", "Homemade pet treats"],
        OpeningsZh = ["养猫{n}年，踩过的坑都在这里了。", "今天是主子的生日，记录一下～", "最近家里的狗子迷上了这个玩具。"],
        PointsZh =
        [
            "换粮要七天慢慢过渡", "猫砂盆放在安静的角落", "定期驱虫和打疫苗，别偷懒", "每天陪玩十五分钟，拆家少了很多",
            "冻干当零食，别当主食", "剪指甲先从摸爪子开始脱敏", "夏天注意防暑，多放几个水碗",
        ],
        ClosingsZh = ["晒晒你家毛孩子！", "领养代替购买❤️"],
        OpeningsEn = ["{n} years of cat ownership, all my lessons here.", "It's my dog's birthday today!"],
        PointsEn = ["Switch food slowly over a week", "Keep the litter box somewhere quiet", "Fifteen minutes of play a day helps"],
        ClosingsEn = ["Show me your pets!", "Adopt, don't shop."],
        CommentsZh = ["好可爱想rua", "这个眼神绝了", "我家猫也这样", "是什么品种呀"],
        CommentsEn = ["Too cute!", "What breed is this?"],
        BoardsZh = ["萌宠", "养宠攻略"],
        BoardsEn = ["Pet stuff"],
    };

    private static readonly TopicTheme Books = new()
    {
        Slug = "books",
        Zh = "读书",
        En = "books",
        Emojis = ["📚", "📖", "☕", "🔖", "✍️", "🌙"],
        Palettes =
        [
            new("#f8f4e3", "#efe6c8", "#a98467", "#3d2f22"),
            new("#eef0eb", "#d9ddd2", "#6c757d", "#2b2d2a"),
            new("#f3ecff", "#e2d4f7", "#7b5ea7", "#2e2240"),
        ],
        TagsZh = ["书单推荐", "读书笔记", "好书分享", "阅读打卡", "文学"],
        TagsEn = ["booklover", "readinglist", "bookreview"],
        ItemsZh = ["小说", "散文", "绘本", "传记", "诗集"],
        ItemsEn = ["novel", "memoir", "poetry"],
        TitlesZh =
        [
            "{season}书单｜{n}本好书", "一口气读完的{item}", "今年读过最好的书", "读书笔记｜摘抄分享", "{who}也能坚持的阅读法",
            "睡前适合读的{n}本书", "治愈系{item}推荐", "读完久久不能平静", "一年读{n}0本书的方法",
        ],
        TitlesEn = ["{season} reading list", "{n} books I loved", "Notes on a {item}", "How I read more"],
        OpeningsZh = ["这个月读了{n}本书，挑几本最喜欢的说说。", "读完已经是凌晨两点，还是想马上写下来。", "很多人问怎么坚持阅读，分享我的方法。"],
        PointsZh =
        [
            "通勤路上读电子书，一天能读半小时", "读完写三句话的感想，记忆会深很多", "不喜欢的书可以放下，不必硬读完",
            "文字很温柔，适合睡前慢慢读", "情节很紧凑，一翻开就停不下来", "书里有一句话我抄在了本子上",
            "和朋友一起共读，更有动力", "纸质书和电子书交替着看",
        ],
        ClosingsZh = ["你最近在读什么？", "想要完整书单的评论区说～"],
        OpeningsEn = ["I read {n} books this month, here are the favourites.", "Finished it at 2 am and had to write this down."],
        PointsEn = ["Read on the commute", "Write three sentences after each book", "It's fine to give up on a book"],
        ClosingsEn = ["What are you reading now?", "Full list in the comments."],
        CommentsZh = ["加入书单了", "这本我也超爱", "摘抄好美", "最后一句好戳我"],
        CommentsEn = ["Adding to my list", "I loved this one too"],
        BoardsZh = ["想读的书"],
        BoardsEn = ["To read"],
    };
}

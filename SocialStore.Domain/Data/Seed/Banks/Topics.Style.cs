using SocialStore.Domain.Data.Seed.Art;

namespace SocialStore.Domain.Data.Seed.Banks;

internal static partial class TopicBank
{
    private static readonly TopicTheme Outfits = new()
    {
        Slug = "outfits",
        Zh = "穿搭",
        En = "outfits",
        Emojis = ["👗", "👟", "🧥", "👜", "🧣", "👒"],
        Palettes =
        [
            new("#edf2fb", "#d7e3fc", "#4361ee", "#1d2b53"),
            new("#f5ebe0", "#e3d5ca", "#a68a64", "#3e3126"),
            new("#fefae0", "#faedcd", "#d4a373", "#4a3b2a"),
        ],
        TagsZh = ["每日穿搭", "通勤穿搭", "小个子穿搭", "微胖穿搭", "一衣多穿"],
        TagsEn = ["ootd", "capsulewardrobe", "workwear"],
        CityTagZh = "{city}穿搭",
        ItemsZh = ["风衣", "针织衫", "阔腿裤", "半身裙", "衬衫", "牛仔裤", "小白鞋", "大衣"],
        ItemsEn = ["trench coat", "cardigan", "jeans", "blazer", "sneakers"],
        TitlesZh =
        [
            "{n}件{item}穿出一周不重样", "小个子{item}怎么选", "{season}通勤穿搭模板", "微胖女孩的显瘦公式", "一件{item}的{n}种穿法",
            "基础款也能穿出高级感", "{city}街头随手拍", "胶囊衣橱｜{n}件单品", "{price}元的{item}绝了", "梨形身材穿搭心得",
        ],
        TitlesEn = ["One {item}, {n} looks", "A {season} capsule", "Workwear that works", "Petite outfit ideas"],
        OpeningsZh =
        [
            "身高158，一直在找适合小个子的版型，终于有点心得了。", "衣柜里衣服很多但总觉得没衣服穿？试试这个思路。",
            "最近降温，整理了一下这周的通勤穿搭～", "这件{item}买回来穿了不下十次，真的值。",
        ],
        PointsZh =
        [
            "上短下长是小个子的万能公式", "全身颜色不超过三种，看起来更干净", "腰线提高一点，腿立刻显长",
            "同色系叠穿很有层次感，也不容易出错", "配饰是点睛之笔，一条丝巾就能变风格", "面料选垂感好的，走路时很有氛围",
            "鞋子和包包呼应同一个颜色，整体更协调", "买基础款时注意肩线和衣长，比颜色更重要", "外套选落肩款，不挑身材",
            "裤脚露出脚踝，整体会更轻盈",
        ],
        ClosingsZh = ["身高158体重46，供参考～", "链接都在合集里，自取哦", "你们最喜欢哪一套？评论区告诉我"],
        OpeningsEn = ["Here's how I rework the same pieces all week.", "A few rules that changed how I dress."],
        PointsEn =
        [
            "Stick to three colours per outfit", "A higher waistline makes legs look longer", "Tonal layering always looks intentional",
            "Shoulder seams matter more than the colour", "One scarf can change the whole mood",
        ],
        ClosingsEn = ["I'm 158 cm, for reference.", "Which look is your favourite?"],
        CommentsZh = ["求{item}链接！", "好会穿啊", "小个子可以参考吗", "第三套绝了", "配色好高级"],
        CommentsEn = ["Where is the coat from?", "The third look is perfect"],
        BoardsZh = ["穿搭灵感", "衣橱清单"],
        BoardsEn = ["Outfit ideas"],
    };

    private static readonly TopicTheme Home = new()
    {
        Slug = "home",
        Zh = "家居",
        En = "home",
        Emojis = ["🛋️", "🪴", "🕯️", "🏡", "🖼️", "🧺"],
        Palettes =
        [
            new("#f1faee", "#e9f5db", "#90a955", "#31572c"),
            new("#fdf0d5", "#f8e5c0", "#c99a5b", "#54402a"),
            new("#e8eef1", "#d4e0e6", "#6d98ba", "#2b3a4a"),
        ],
        TagsZh = ["租房改造", "收纳整理", "小户型", "家居好物", "原木风"],
        TagsEn = ["homedecor", "smallspaces", "renterfriendly"],
        ItemsZh = ["收纳盒", "落地灯", "地毯", "香薰", "置物架", "窗帘", "绿植"],
        ItemsEn = ["floor lamp", "rug", "shelf", "candle", "plant"],
        TitlesZh =
        [
            "{price}元改造出租屋", "小户型收纳{n}个思路", "租房党的{item}推荐", "原木风客厅分享", "让家变整洁的{n}个习惯",
            "{season}换季大扫除清单", "入住一年的真实反馈", "{item}是幸福感神器", "卧室氛围感布置", "{who}的极简小家",
        ],
        TitlesEn = ["Rental glow-up", "{n} storage ideas", "Cosy corner for {price}", "Small flat tour"],
        OpeningsZh =
        [
            "租的房子也要住得舒服，这次改造花了不到一千块。", "搬进来一年了，说说哪些东西真的好用。",
            "家里东西总是乱糟糟？这几个收纳思路救了我。", "每天下班回到这个角落，整个人都放松了。",
        ],
        PointsZh =
        [
            "暖色光比白光更有氛围，灯泡选3000K左右", "收纳先做减法，半年没用的东西就处理掉", "同一种收纳盒买一整套，视觉上更整齐",
            "墙面用免打孔的置物架，退租也不怕", "一块地毯就能划分出客厅的区域", "绿植选好养的龟背竹和绿萝",
            "床品换成纯色系，房间立刻变干净", "门后和床底是被忽略的收纳空间", "每天睡前花五分钟归位，家就不会乱",
            "窗帘选遮光布加纱帘的双层款",
        ],
        ClosingsZh = ["清单整理在评论区置顶了", "你们家最喜欢哪个角落？", "下期分享厨房收纳～"],
        OpeningsEn = ["Renting doesn't mean living with bare walls.", "A year in, here's what actually made the flat feel like home."],
        PointsEn =
        [
            "Warm bulbs around 3000K make everything cosier", "Declutter before you buy storage",
            "Matching boxes look tidy even when they're full", "A rug defines a zone in an open room", "Pick hard-to-kill plants first",
        ],
        ClosingsEn = ["Full list pinned in the comments.", "What's your favourite corner at home?"],
        CommentsZh = ["求{item}链接", "房东看了都想涨房租哈哈", "好温馨啊", "收纳思路学到了"],
        CommentsEn = ["So cosy!", "Where is the lamp from?"],
        BoardsZh = ["家居灵感", "改造计划"],
        BoardsEn = ["Home ideas"],
    };

    private static readonly TopicTheme Parenting = new()
    {
        Slug = "parenting",
        Zh = "母婴",
        En = "parenting",
        Emojis = ["👶", "🍼", "🧸", "🐣", "🌈", "🎈"],
        Palettes =
        [
            new("#e0fbfc", "#c2dfe3", "#5fa8d3", "#253d5b"),
            new("#fff8e1", "#ffecb3", "#ffb74d", "#5d4037"),
            new("#fce4ec", "#f8bbd0", "#f06292", "#4a2c3a"),
        ],
        TagsZh = ["育儿经验", "新手妈妈", "宝宝辅食", "亲子时光", "待产包"],
        TagsEn = ["newmom", "toddlerlife", "babyfood"],
        ItemsZh = ["辅食", "推车", "奶瓶", "绘本", "积木", "安抚巾"],
        ItemsEn = ["stroller", "picture book", "baby food", "toy"],
        TitlesZh =
        [
            "{n}个月宝宝辅食记录", "新手妈妈待产包清单", "宝宝睡整觉的小方法", "真心推荐的{n}本绘本", "带娃出门必备清单",
            "{price}元的{item}太值了", "哄睡不再崩溃", "宝宝第一次出远门", "亲子游去{city}", "{who}育儿省钱心得",
        ],
        TitlesEn = ["Baby food, week {n}", "Hospital bag list", "{n} books kids love", "Sleep tips that work"],
        OpeningsZh =
        [
            "当妈之后才知道，很多东西真的不用买。", "宝宝{n}个月了，记录一下我们的日常。", "被问了很多次怎么让宝宝睡整觉，分享一点经验。",
            "第一次带娃出远门，提前做了好多功课。",
        ],
        PointsZh =
        [
            "辅食从单一食材开始，每种观察三天", "睡前固定流程：洗澡、抚触、讲故事、关灯", "绘本选画面大、字少、可以互动的",
            "推车选单手能收的，一个人带娃太重要了", "出门备一套换洗衣服和小零食", "白噪音对我们家很有用",
            "不要和别人家孩子比，每个宝宝节奏都不同", "妈妈也要好好休息，情绪稳定最重要",
        ],
        ClosingsZh = ["每个宝宝都不一样，仅供参考", "妈妈们还有什么好方法？", "一起加油呀"],
        OpeningsEn = ["Things I wish someone had told me before the baby came.", "Sharing what worked for us, week by week."],
        PointsEn =
        [
            "Introduce one new food at a time", "A fixed bedtime routine made the biggest difference",
            "Pick books with big pictures and few words", "A one-hand fold stroller is worth it",
        ],
        ClosingsEn = ["Every baby is different, so go easy on yourself.", "What worked for yours?"],
        CommentsZh = ["太有用了，正好需要", "我家宝宝也是这样", "妈妈辛苦啦", "求绘本书单"],
        CommentsEn = ["Saving this for later", "Mine did the same!"],
        BoardsZh = ["育儿宝典", "宝宝用品"],
        BoardsEn = ["Baby things"],
    };
}

"""SemCKD's β on the offline protocol, screened on held-out training images (the test split chooses nothing).
Usage: python screen.py BETA  (one seed, 5 epochs of the recipe's one-cycle at peak lr 0.2, 300 images per class,
validated on 100 held-out training images per class). Prints the held-out accuracy after each epoch."""
import sys, tempfile
from kd_nb.train import distill, FMNIST_REDUCED
from kd_nb.teachers import load_teacher
beta = float(sys.argv[1])
r = FMNIST_REDUCED.replace(epochs=5, subset=300, holdout=100)
res = distill('semckd', load_teacher('fashion_mnist/resnet20'), 'resnet8', r, out=f'{tempfile.mkdtemp()}/semckd.pth',
              seed=0, beta=beta)
print('semckd', {'beta': beta}, r.lr, [round(h['accuracy'], 3) for h in res['history']])
